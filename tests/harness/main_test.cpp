// The one main() of the harness unit tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
