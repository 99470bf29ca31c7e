// The Catch2 entry point of fearless_lib_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
