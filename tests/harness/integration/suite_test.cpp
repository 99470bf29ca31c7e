// The built fearless-check on the fixture suites: good cases pass, each bad
// one fails for its own stated reason, the counts are exact, the suite ends.
#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include <unistd.h>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "integration/tool.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::files_under;
using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;


using integration::run_tool;

// The compilers that scripts/run installs on a fresh Debian 12 (clang++-19 may be absent).
std::vector<std::string> with_compilers(std::vector<std::string> args) {
    args.insert(args.begin(), {"--compiler", "g++", "--compiler", "clang++", "--compiler", "clang++-22"});
    return args;
}

}  // namespace

TEST_CASE("integration: every bad case fails for its own reason", "[harness][integration]") {
    TempDir reports("fearless-check-integration-reports");
    auto suite = fixtures::dir() / "suites" / "bad";
    auto r = run_tool(suite, {"--compiler", "g++", "--junit", (reports.path / "r.xml").string(), "--json",
                              (reports.path / "r.json").string()});
    INFO(r.out << r.err);
    REQUIRE(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 1);
    const std::string g = R"(  \[gcc-\d+\]  )", none = R"(  \[-\]  )";
    CHECK(
        has_line(r.out, "FAIL  cases/compiles.cpp" + g + "compiled without errors, but a compile-fail case must not"));
    CHECK(has_line(
        r.out,
        "FAIL  cases/wrong_line.cpp" + g +
            R"(line 6: expected an error containing "cannot be sent between threads safely", found none on that line \(errors on line\(s\) 7\) \(and 1 more\))"));
    CHECK(has_line(
        r.out,
        "FAIL  cases/wrong_text.cpp" + g +
            R"(line 6: expected an error containing "may outlive", but the error there says: static assertion failed: mini: .*)"));
    CHECK(has_line(r.out, "FAIL  cases/unexpected_error.cpp" + g +
                              R"(line 7: unexpected error \(no //~ ERROR on that line\): .*undeclared_name.*)"));
    CHECK(has_line(r.out, "FAIL  cases/no_mode.cpp" + none + "malformed case: cases/no_mode.cpp:1: no mode: .*"));
    CHECK(has_line(r.out, "FAIL  cases/unknown_directive.cpp" + none +
                              "malformed case: cases/unknown_directive.cpp:2: unknown directive '//@ expect-fail'.*"));
    CHECK(has_line(r.out, "FAIL  cases/two_modes.cpp" + none +
                              "malformed case: cases/two_modes.cpp:2: a second mode 'run-pass'.*"));
    CHECK(has_line(
        r.out, "FAIL  cases/no_annotations.cpp" + none +
                   "malformed case: cases/no_annotations.cpp:1: a compile-fail case needs at least one //~ ERROR.*"));
    CHECK(has_line(
        r.out, "FAIL  cases/above_first_line.cpp" + none +
                   "malformed case: cases/above_first_line.cpp:1: annotation points to line -1, above the first line"));
    CHECK(has_line(r.out,
                   "FAIL  cases/deadlock.cpp" + g + R"(timed out after 2 s \(deadlock or endless loop\?\), killed)"));
    CHECK(has_line(r.out, "FAIL  cases/segfault.cpp" + g + "crashed: killed by SIGSEGV"));
    CHECK(has_line(r.out, "FAIL  cases/exit_code.cpp" + g + "exited with code 1, run-pass expects 0"));
    CHECK(has_line(r.out, "FAIL  cases/output_differs.cpp" + g + "stdout differs from expected/output_differs.stdout"));
    CHECK(has_line(r.out, "    -goodbye, world"));
    CHECK(has_line(r.out, "    \\+hello, world"));
    CHECK(has_line(r.out, "FAIL  cases/missing_expected.cpp" + g + "missing expected/missing_expected.stderr"));
    CHECK(has_line(r.out, "    accept it with: .*fearless-check --compiler g\\+\\+ --bless cases/missing_expected.cpp"));
    CHECK(has_line(
        r.out, "FAIL  cases/snapshot_differs.cpp" + g + "diagnostics differ from expected/snapshot_differs.stderr"));
    CHECK(has_line(r.out, "FAIL  expected/gone.stderr" + none + "stale expected file: .*"));
    CHECK(has_line(r.out, R"(PASS  cases/passes.cpp  \[gcc-\d+\])"));
    CHECK(has_line(r.out, "SKIP  cases/clang_only.cpp" + g + "only: clang"));
    CHECK(last_line(r.out) == "1 passed, 16 failed, 1 skipped");

    // The would-be file of the missing snapshot was written for inspection.
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("the would-be file: (\\S*missing_expected.stderr)")));
    auto would_be = read_file(m[1].str());
    REQUIRE(would_be);
    CHECK(would_be->rfind("error: static assertion failed: mini: this value cannot be sent between threads safely\n",
                          0) == 0);

    auto json = nlohmann::json::parse(*read_file(reports.path / "r.json"));
    CHECK(json["summary"]["passed"] == 1);
    CHECK(json["summary"]["failed"] == 16);
    CHECK(json["summary"]["skipped"] == 1);
    auto xml = read_file(reports.path / "r.xml");
    REQUIRE(xml);
    CHECK(xml->find("tests=\"18\" failures=\"16\" skipped=\"1\"") != std::string::npos);
}

TEST_CASE("integration: a path that matches no case, a missing compiler", "[harness][integration]") {
    auto suite = fixtures::dir() / "suites" / "bad";
    auto r = run_tool(
        suite, {"-v", "--compiler", "g++", "--compiler", "no-such-compiler++", "cases/passes.cpp", "cases/nope.cpp"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out, R"(FAIL  cases/nope.cpp  \[-\]  no case matches it .*)"));
    CHECK(has_line(r.out,
                   R"(FAIL  cases/passes.cpp  \[no-such-compiler\+\+\]  compiler 'no-such-compiler\+\+' not found)"));
    CHECK(has_line(r.out, R"(PASS  cases/passes.cpp  \[gcc-\d+\])"));
    CHECK(last_line(r.out) == "1 passed, 2 failed");
    // -v shows the exact command, runnable as printed.
    CHECK(has_line(
        r.out,
        R"(    \$ cd \S+/suites/bad && LC_ALL=C g\+\+ -std=c\+\+20 -pthread -fno-diagnostics-color -I\S+ .*-fsyntax-only cases/passes.cpp)"));
}

TEST_CASE("integration: usage and configuration errors exit 2", "[harness][integration]") {
    TempDir dir("fearless-check-integration-config");
    CHECK(run_tool(dir.path, {"--no-such-option"}).exit_code == 2);
    auto no_cases = run_tool(dir.path, {});
    CHECK(no_cases.exit_code == 2);
    CHECK(no_cases.err.find("no cases folder 'cases'") != std::string::npos);
    write_file(dir.path / "fearless-check.json", "{\"cases\": 3}");
    auto r = run_tool(dir.path, {});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("\"cases\" must be a string") != std::string::npos);
    auto help = run_tool(dir.path, {"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("//~ ERROR") != std::string::npos);
}

TEST_CASE("integration: --list", "[harness][integration]") {
    auto r = run_tool(fixtures::dir() / "suites" / "good", {"--list", "--compiler", "g++"});
    CHECK(r.exit_code == 0);
    CHECK(has_line(r.out, R"(cases/send/not_send.cpp  \[gcc-\d+\]  compile-fail)"));
    CHECK(has_line(r.out, R"(cases/misc/clang19_only.cpp  \[gcc-\d+\]  compile-pass  \(skip: only: clang>=19\))"));
}

TEST_CASE("integration: bless then rerun is green, and blesses what is committed", "[harness][integration]") {
    // In a copy at another path: snapshots must not depend on where the suite lives.
    TempDir dir("fearless-check-integration-bless");
    auto good = fixtures::dir() / "suites" / "good";
    std::filesystem::copy(good, dir.path / "good", std::filesystem::copy_options::recursive);
    auto suite = dir.path / "good";
    auto committed = files_under(suite / "expected");
    std::filesystem::remove_all(suite / "expected");
    write_file(suite / "expected" / "run" / "regex_out.stdout", committed.at("run/regex_out.stdout"));  // hand-written

    auto first = run_tool(suite, with_compilers({"--filter", "send/not_send"}));
    INFO(first.out << first.err);
    CHECK(first.exit_code == 1);
    CHECK(has_line(first.out, R"(FAIL  cases/send/not_send.cpp  \[gcc-\d+\]  missing expected/send/not_send.stderr)"));

    auto bless = run_tool(suite, with_compilers({"--bless"}));
    INFO(bless.out << bless.err);
    CHECK(bless.exit_code == 0);
    CHECK(has_line(bless.out, "blessed expected/send/not_send.stderr"));
    CHECK(has_line(bless.out, "blessed expected/copy/deleted_copy.gcc.stderr"));
    CHECK(has_line(bless.out, "blessed expected/copy/deleted_copy.clang.stderr"));

    auto rerun = run_tool(suite, with_compilers({}));
    INFO(rerun.out << rerun.err);
    CHECK(rerun.exit_code == 0);
    CHECK(last_line(rerun.out) == "34 passed, 0 failed, 2 skipped");
    CHECK(files_under(suite / "expected") == committed);
}
