// The Catch2 entry point of fearless_lib_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cstdio>

#include "build_mode.hpp"

namespace {

// The randomized tests and the schedule fuzzing hook take their seed from
// FEARLESS_SCHEDULE_SEED: say which one ran, so a failure can be replayed.
// Under the hook it is said up front too (a crash never reaches the end).
struct seed_reporter : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;
    void testRunStarting(const Catch::TestRunInfo&) override {
        if (fearless_test::schedule_fuzzed) say("schedule fuzzing on");
    }
    void testRunEnded(const Catch::TestRunStats& stats) override {
        if (stats.totals.assertions.failed > 0 || stats.totals.testCases.failed > 0) say("failed");
    }
    static void say(const char* what) {
        std::fprintf(stderr, "fearless_lib_tests: %s; replay with FEARLESS_SCHEDULE_SEED=%llu\n", what,
                     static_cast<unsigned long long>(fearless_test::test_seed()));
    }
};

}  // namespace

CATCH_REGISTER_LISTENER(seed_reporter)
