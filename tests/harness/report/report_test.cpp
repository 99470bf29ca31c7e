#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "report/console.hpp"
#include "report/files.hpp"
#include "report/github.hpp"
#include "report/term.hpp"

using namespace fearless::check;

namespace {
std::vector<Result> sample() {
    auto a = decided("cases/a.cpp", "gcc-12", Status::pass, "");
    a.duration = std::chrono::milliseconds(250);
    a.commands = {"g++ a.cpp"};
    return {a,
            decided("cases/b.cpp", "clang-14", Status::fail, "line 3: expected an error containing \"x<y>\"",
                    "--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n"),
            decided("cases/c.cpp", "gcc-12", Status::skip, "only: clang")};
}
}  // namespace

TEST_CASE("report: the closing line", "[harness][report]") {
    CHECK(summary_line(Summary{3, 1, 0}) == "3 passed, 1 failed");
    CHECK(summary_line(Summary{3, 0, 2}) == "3 passed, 0 failed, 2 skipped");
    CHECK(summary_line(Summary{2, 1, 0, 4}) == "2 passed, 1 failed, 4 not run");
    auto s = summarize(sample());
    CHECK(s.passed == 1);
    CHECK(s.failed == 1);
    CHECK(s.skipped == 1);
}

TEST_CASE("report: console lines, details under failures, no colour when asked", "[harness][report]") {
    std::ostringstream out;
    ConsoleReporter r(out, ConsoleStyle{false, false, true});
    for (const auto& x : sample()) r.result(x);
    r.finish(summarize(sample()));
    CHECK(out.str() ==
          "PASS  cases/a.cpp  [gcc-12]\n"
          "    $ g++ a.cpp\n"
          "FAIL  cases/b.cpp  [clang-14]  line 3: expected an error containing \"x<y>\"\n"
          "    --- a\n    +++ b\n    @@ -1 +1 @@\n    -old\n    +new\n"
          "SKIP  cases/c.cpp  [gcc-12]  only: clang\n"
          "\n1 passed, 1 failed, 1 skipped\n");
    CHECK(out.str().find('\x1b') == std::string::npos);
}

TEST_CASE("report: colour only when enabled, NO_COLOR respected", "[harness][report]") {
    CHECK(paint("FAIL", Colour::red, true) == "\x1b[31mFAIL\x1b[0m");
    CHECK(paint("FAIL", Colour::red, false) == "FAIL");
    ::setenv("NO_COLOR", "1", 1);
    CHECK_FALSE(colour_wanted(1));
    ::unsetenv("NO_COLOR");
}

TEST_CASE("report: JUnit XML", "[harness][report]") {
    auto xml = junit_report(sample(), std::chrono::milliseconds(1500));
    CHECK(xml.find("<testsuite name=\"fearless-check\" tests=\"3\" failures=\"1\" skipped=\"1\" time=\"1.500\">") !=
          std::string::npos);
    CHECK(xml.find("<testcase classname=\"cases/a.cpp\" name=\"gcc-12\" time=\"0.250\"/>") != std::string::npos);
    CHECK(xml.find("<failure message=\"line 3: expected an error containing &quot;x&lt;y&gt;&quot;\">") !=
          std::string::npos);
    CHECK(xml.find("<skipped message=\"only: clang\"/>") != std::string::npos);
}

TEST_CASE("report: JSON", "[harness][report]") {
    auto j = nlohmann::json::parse(json_report(sample(), std::chrono::milliseconds(1500)));
    CHECK(j["summary"]["passed"] == 1);
    CHECK(j["summary"]["failed"] == 1);
    CHECK(j["summary"]["skipped"] == 1);
    CHECK(j["results"].size() == 3);
    CHECK(j["results"][1]["status"] == "fail");
    CHECK(j["results"][1]["compiler"] == "clang-14");
    CHECK(j["results"][0]["commands"][0] == "g++ a.cpp");
}

TEST_CASE("report: the progress line on a terminal counts as it goes, and is wiped", "[harness][report]") {
    std::ostringstream out;
    ConsoleReporter r(out, ConsoleStyle{false, true, false});
    r.result(sample()[1]);
    r.progress(1, 3);
    CHECK(out.str().substr(out.str().rfind('\r')) == "\r\x1b[K[1/3] 0 passed, 1 failed");
    r.finish(Summary{0, 1, 0});
    CHECK(out.str().find("\r\x1b[K\n0 passed, 1 failed\n") != std::string::npos);
}

TEST_CASE("github: an ::error at the case's line with the diff's first lines, escaped", "[harness][report][github]") {
    auto r = decided("cases/t/a,b.cpp", "gcc-12", Status::fail, "line 3: 100% wrong: x", "-old\n+new\n");
    r.verdict.line = 3;
    CHECK(
        github_error(r) ==
        "::error file=cases/t/a%2Cb.cpp,line=3,title=cases/t/a%2Cb.cpp [gcc-12]::line 3: 100%25 wrong: x%0A-old%0A+new\n");
    r.verdict.line = 0;  // no line: the annotation is on the file
    CHECK(github_error(r).rfind("::error file=cases/t/a%2Cb.cpp,title=", 0) == 0);
    std::string long_details;
    for (int i = 0; i < 40; ++i) long_details += "line " + std::to_string(i) + "\n";
    r.verdict.details = long_details;
    auto e = github_error(r);
    CHECK(e.find("line 11") != std::string::npos);
    CHECK(e.find("line 12") == std::string::npos);  // the group has the rest
    CHECK(escape_command_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
    // A revision's annotation is on its file; the title names the revision.
    auto rev = decided("cases/t/x.cpp[bad]", "gcc-12", Status::fail, "why");
    CHECK(github_error(rev).rfind("::error file=cases/t/x.cpp,title=cases/t/x.cpp[bad] [gcc-12]::", 0) == 0);
}

TEST_CASE("github: the step summary has the count and a row per failure", "[harness][report][github]") {
    auto results = sample();
    results[1].verdict.line = 3;
    auto md = step_summary(results, summarize(results));
    CHECK(md.rfind("## fearless-check\n\n", 0) == 0);
    CHECK(md.find(summary_line(summarize(results))) != std::string::npos);
    CHECK(md.find("| `cases/b.cpp` | clang-14 | 3 | line 3: expected an error containing \"x<y>\" |\n") !=
          std::string::npos);
    CHECK(md.find("cases/a.cpp") == std::string::npos);  // passes are only counted
    auto clean = step_summary({results[0]}, summarize({results[0]}));
    CHECK(clean.find("| case |") == std::string::npos);
}
