// A suite in clang -verify style (fixtures/suites/verify: notes, warnings,
// @+N/@-N/@N/@file:N/@*, -re, counts, prefixes, expected-no-diagnostics)
// passes on every compiler, and a wrong directive fails saying which.
#include <catch2/catch.hpp>

#include "case/revisions.hpp"
#include "fixtures.hpp"
#include "integration/tool.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::count_of;
using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;

const std::filesystem::path suite = fixtures::dir() / "suites" / "verify";

using integration::run_tool;

std::vector<std::string> compilers() {
    std::vector<std::string> args;
    for (const char* c : {"g++", "clang++", "clang++-19", "clang++-22"})
        if (find_program(c)) args.insert(args.end(), {"--compiler", c});
    return args;
}

}  // namespace

TEST_CASE("integration: a -verify suite passes on every compiler", "[harness][integration][verify]") {
    auto args = compilers();
    auto r = run_tool(suite, args);
    INFO(r.out << r.err);
    REQUIRE(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 0);
    const auto files = fixtures::files_under(suite / "cases");
    std::size_t cases = 0;  // a file of revisions is a case per revision
    for (const auto& [path, text] : files)
        if (path.ends_with(".cpp")) cases += std::max<std::size_t>(1, declared_revisions(text).size());
    CHECK(cases >= 36);
    CHECK(last_line(r.out) == std::to_string(cases * (args.size() / 2)) + " passed, 0 failed");
}

TEST_CASE("integration: a -verify directive that does not hold fails, naming it", "[harness][integration][verify]") {
    TempDir tmp("fearless-check-verify-bad");
    std::filesystem::copy(suite / "include", tmp.path / "include", std::filesystem::copy_options::recursive);
    write_file(tmp.path / "fearless-check.json", R"({"include": ["include"], "flags": ["-Wall"]})");
    write_file(tmp.path / "cases/v/fearless-check.json", R"({"annotations": "verify"})");
    write_file(tmp.path / "cases/v/wrong_line.cpp",
               "void f(int);\nint main() {\n    // expected-error@+2 {{no matching function for call to 'f}}\n"
               "    f(\"a\");\n}\n");
    write_file(tmp.path / "cases/v/unexpected_warning.cpp", "// expected-no-diagnostics\nint main() { int idle; }\n");
    write_file(tmp.path / "cases/v/too_few.cpp",
               "void f(int);\nint main() { f(\"a\"); }  // expected-error 2 {{no matching function for call to 'f}}\n");
    write_file(tmp.path / "cases/v/no_directives.cpp", "int main() {}\n");
    auto r = run_tool(tmp.path, {"--compiler", "g++", "--compiler", "clang++", "--no-cache"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    const std::string any = R"(  \[\S+\]  )";
    CHECK(count_of(r.out,
                   "-verify: 1 expected diagnostic(s) not seen (of 1), first: expected-error Line 5: no matching "
                   "function for call to 'f") == 2);
    CHECK(has_line(
        r.out,
        "FAIL  cases/v/unexpected_warning.cpp" + any +
            R"(-verify: 1 diagnostic\(s\) seen but not expected, first: warning Line 2: unused variable 'idle'.*)"));
    CHECK(count_of(r.out, "(expected 2, seen 1)") == 2);
    CHECK(has_line(
        r.out,
        R"(FAIL  cases/v/no_directives.cpp  \[-\]  malformed case: cases/v/no_directives.cpp:1: a -verify case needs .*)"));
    CHECK(last_line(r.out) == "0 passed, 7 failed");
}
