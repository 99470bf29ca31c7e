#include <catch2/catch.hpp>

#include "run/commands.hpp"

using namespace fearless::check;

TEST_CASE("launcher: its words go before the compiler's", "[harness][launcher]") {
    Command cmd{{"g++", "-fsyntax-only", "a.cpp"}, "/r", {}, {}};
    CHECK(with_launcher(cmd, {}).argv == cmd.argv);
    CHECK(with_launcher(cmd, {"env", "DISTCC_HOSTS=h", "distcc"}).argv ==
          std::vector<std::string>{"env", "DISTCC_HOSTS=h", "distcc", "g++", "-fsyntax-only", "a.cpp"});
}

TEST_CASE("launcher: its own lines are taken out of the compiler's stderr", "[harness][launcher]") {
    std::string err =
        "distcc[4242] (dcc_build_somewhere) Warning: failed to distribute, running locally instead\n"
        "a.cpp:3:5: error: use of undeclared identifier 'x'\n"
        "DISTCC[4242] ERROR: compile a.cpp on localhost failed\n"
        "1 error generated.\n";
    auto taken = take_launcher_lines(err, {"env", "DISTCC_HOSTS=h", "/usr/bin/distcc"});
    CHECK(err == "a.cpp:3:5: error: use of undeclared identifier 'x'\n1 error generated.\n");
    REQUIRE(taken.size() == 2);
    CHECK(taken[1] == "DISTCC[4242] ERROR: compile a.cpp on localhost failed");
    // A compiler line that merely mentions the launcher stays.
    std::string other = "a.cpp:1:1: error: 'ccache' was not declared\n";
    CHECK(take_launcher_lines(other, {"ccache"}).empty());
    CHECK(other == "a.cpp:1:1: error: 'ccache' was not declared\n");
    std::string none = "x\n";
    CHECK(take_launcher_lines(none, {}).empty());
}

TEST_CASE("launcher: a failure is the launcher's only when it says so", "[harness][launcher]") {
    ProcessResult r;
    r.outcome = Outcome::failed_to_start;
    r.start_error = "no such file: icecc";
    CHECK(launcher_failure(r, {"icecc"}, {}) ==
          "the launcher `icecc` could not start (no such file: icecc): not the case's failure");
    CHECK_FALSE(launcher_failure(r, {}, {}));  // no launcher: the compiler's own start failure

    r.outcome = Outcome::exited;
    r.exit_code = 1;  // the case's error, warnings from the launcher notwithstanding
    CHECK_FALSE(launcher_failure(r, {"distcc"}, {"distcc[1] Warning: failed to distribute, running locally instead"}));
    // distcc reports the compiler's failure in its own words too: still the case's error.
    r.err = "a.cpp:3:5: error: use of undeclared identifier 'x'\n";
    CHECK_FALSE(launcher_failure(r, {"distcc"}, {"distcc[1] ERROR: compile a.cpp on localhost failed"}));
    r.err.clear();
    r.exit_code = 100;
    CHECK(launcher_failure(r, {"distcc"}, {"distcc[1] ERROR: failed to distribute and fallbacks are disabled"}) ==
          "the launcher `distcc` failed (exit 100): not the case's failure: distcc[1] ERROR: failed to distribute "
          "and fallbacks are disabled");
    r.exit_code = 0;
    CHECK_FALSE(launcher_failure(r, {"ccache"}, {"ccache: error: whatever"}));
}
