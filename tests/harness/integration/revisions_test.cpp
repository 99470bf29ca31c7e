// Revisions on the fixture suite suites/revisions: each revision is a job per
// compiler with its own name and snapshot, a failing revision fails alone, a
// bad scope is a malformed case naming file and line, and --filter picks one
// revision.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "integration/tool.hpp"
#include "util/file.hpp"

using namespace fearless::check;
using namespace fixtures;  // count_of, has_line, last_line, TempDir
using integration::run_tool;

namespace {

const std::filesystem::path suite = fixtures::dir() / "suites" / "revisions";
const std::vector<std::string> compilers = {"--compiler", "g++", "--compiler", "clang++"};
const std::string gcc = R"(  \[gcc-12\]  )", clang = R"(  \[clang-14\]  )";

std::vector<std::string> with(std::vector<std::string> args) {
    args.insert(args.begin(), compilers.begin(), compilers.end());
    return args;
}

}  // namespace

TEST_CASE("integration: revisions pass, fail and are malformed one by one", "[harness][integration][revisions]") {
    TempDir tmp("fearless-check-revisions");
    auto r = run_tool(suite, with({"--json", (tmp.path / "run.json").string()}));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    for (const auto& c : {gcc, clang}) {
        CHECK(has_line(r.out, "PASS  cases/pass/two.cpp\\[ok\\]" + c.substr(0, c.size() - 2)));
        CHECK(has_line(r.out, "PASS  cases/pass/two.cpp\\[bad\\]" + c +
                                  "control: revision ok \\(it must compile\\), no blanked-lines compile"));
        CHECK(has_line(r.out, "PASS  cases/fail/mismatch.cpp\\[ok\\]" + c.substr(0, c.size() - 2)));
        CHECK(has_line(r.out, "FAIL  cases/fail/mismatch.cpp\\[bad\\]" + c +
                                  "line 7: expected an error containing \"words the error does not say\".*"));
    }
    CHECK(has_line(r.out,
                   R"(FAIL  cases/malformed/bad-scope.cpp  \[-\]  malformed case: )"
                   R"(cases/malformed/bad-scope.cpp:3: unknown revision 'bda' \(declared on line 1: ok, bad\))"));
    // expected/pass/two.bad.stderr has its revision; two.gone.stderr names none the case declares.
    CHECK(has_line(r.out, R"(FAIL  expected/pass/two.gone.stderr  \[-\]  stale expected file: .*)"));
    CHECK(count_of(r.out, "stale expected file") == 1);
    CHECK(last_line(r.out) == "6 passed, 4 failed");
    const auto json = read_file(tmp.path / "run.json").value_or("");
    CHECK(json.find("cases/pass/two.cpp[bad]") != std::string::npos);
}

TEST_CASE("integration: --filter with a revision's name runs that revision only", "[harness][integration][revisions]") {
    auto r = run_tool(suite, with({"--filter", "two.cpp[bad]"}));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(count_of(r.out, "cases/pass/two.cpp[bad]") == 2);
    CHECK(count_of(r.out, "[ok]") == 0);
    CHECK(last_line(r.out) == "2 passed, 0 failed");

    auto listed = run_tool(suite, with({"--list-tsv", "--filter", "mismatch.cpp[ok]"}));
    CHECK(count_of(listed.out, "\tfail/mismatch.ok\tcases/fail/mismatch.cpp[ok]\t") == 2);
    CHECK(count_of(listed.out, "mismatch.bad") == 0);
}
