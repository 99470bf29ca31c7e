// What CI reads, on the failing fixture suite: GitHub annotations at the
// failing lines with the details folded, the step summary, a JUnit report
// that validates against the JUnit schema, and --rerun-failed running exactly
// what failed.
#include <catch2/catch.hpp>

#include <regex>

#include "fixtures.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::count_of;
using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;

const std::filesystem::path tool = FEARLESS_CHECK_EXE;
const std::filesystem::path schema =
    std::filesystem::path(FEARLESS_HARNESS_FIXTURES).parent_path() / "report" / "junit.xsd";

ProcessResult run(const std::filesystem::path& cwd, std::vector<std::string> argv,
                  std::map<std::string, std::string> env = {}) {
    Limits limits;
    limits.timeout = std::chrono::minutes(5);
    env["NO_COLOR"] = "1";
    return run_process(Command{std::move(argv), cwd, env, {}}, limits);
}

}  // namespace

TEST_CASE("integration: GitHub annotations, step summary, JUnit schema and --rerun-failed on the bad suite",
          "[harness][integration][ci]") {
    TempDir dir("fearless-check-ci");
    const auto suite = fixtures::dir() / "suites" / "bad";
    const auto summary = dir.path / "summary.md", junit = dir.path / "r.xml";
    const std::map<std::string, std::string> github = {{"GITHUB_ACTIONS", "true"},
                                                       {"GITHUB_STEP_SUMMARY", summary.string()},
                                                       {"XDG_CACHE_HOME", (dir.path / "cache").string()}};
    auto r = run(suite, {tool.string(), "--compiler", "g++", "--junit", junit.string()}, github);
    INFO(r.out << r.err);
    REQUIRE(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 1);

    // At the annotated line that no error matched, and at the line where the unexpected error landed.
    const std::string g = R"(\[gcc-\d+\])";
    CHECK(has_line(r.out, "::error file=cases/wrong_line.cpp,line=6,title=cases/wrong_line.cpp " + g +
                              "::line 6: expected an error containing \"cannot be sent between threads safely\".*"));
    CHECK(has_line(r.out, "::error file=cases/unexpected_error.cpp,line=7,title=cases/unexpected_error.cpp " + g +
                              "::line 7: unexpected error.*"));
    // The first lines of the diff ride along, one message (newlines escaped).
    CHECK(has_line(r.out, "::error file=cases/snapshot_differs.cpp,line=4,title=cases/snapshot_differs.cpp " + g +
                              "::diagnostics differ from expected/snapshot_differs.stderr.*%0A.*"));
    CHECK(has_line(r.out, "::error file=cases/no_mode.cpp,title=cases/no_mode.cpp \\[-\\]::malformed case.*"));
    // Each failure's details in a group of its own.
    CHECK(has_line(r.out, "::group::details: cases/wrong_line.cpp " + g));
    const auto failures = count_of(r.out, "\nFAIL  ") + (r.out.rfind("FAIL  ", 0) == 0 ? 1 : 0);
    CHECK(count_of(r.out, "::error ") == failures);
    CHECK(count_of(r.out, "::group::") == count_of(r.out, "::endgroup::"));

    auto md = read_file(summary);
    REQUIRE(md);
    CHECK(md->find("## fearless-check\n") != std::string::npos);
    CHECK(md->find("| `cases/wrong_line.cpp` | gcc-") != std::string::npos);
    CHECK(md->find(last_line(r.out)) != std::string::npos);

    // The JUnit report: one testcase per case and compiler, valid against the schema CI servers read.
    auto xml = read_file(junit);
    REQUIRE(xml);
    CHECK(count_of(*xml, "<testcase ") == count_of(r.out, "\nPASS  ") + count_of(r.out, "\nSKIP  ") + failures);
    CHECK(count_of(*xml, "<failure ") == failures);
    CHECK(xml->find("-goodbye, world") != std::string::npos);  // the diff is in the failure
    auto lint = run(dir.path, {"xmllint", "--noout", "--schema", schema.string(), junit.string()});
    INFO(lint.out << lint.err);
    CHECK(lint.outcome == Outcome::exited);
    CHECK(lint.exit_code == 0);
    // ...and the schema does reject what a CI server would: a testcase without its name.
    write_file(dir.path / "bad.xml",
               "<testsuites><testsuite name=\"x\" tests=\"1\"><testcase/></testsuite></testsuites>\n");
    auto rejected = run(dir.path, {"xmllint", "--noout", "--schema", schema.string(), (dir.path / "bad.xml").string()});
    CHECK(rejected.exit_code != 0);

    // Elsewhere nothing of this shows.
    auto plain = run(suite, {tool.string(), "--compiler", "g++"}, {{"XDG_CACHE_HOME", (dir.path / "cache").string()}});
    CHECK(plain.out.find("::error") == std::string::npos);
    CHECK(plain.out.find("::group::") == std::string::npos);

    // --rerun-failed: exactly the failures again, none of the passes.
    auto again = run(suite, {tool.string(), "--compiler", "g++", "--rerun-failed"},
                     {{"XDG_CACHE_HOME", (dir.path / "cache").string()}});
    INFO(again.out);
    CHECK(again.exit_code == 1);
    CHECK(count_of(again.out, "PASS  ") == 0);
    CHECK(count_of(again.out, "FAIL  ") == failures);
    CHECK(last_line(again.out) == "0 passed, " + std::to_string(failures) + " failed");
}
