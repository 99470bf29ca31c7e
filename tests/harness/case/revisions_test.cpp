// parse_cases: one Case per `//@ revisions:` name, with the revision's scoped
// directives and annotations applied; the planner's choice of control for a
// revision; the expected files and stale check per revision.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "case/discover.hpp"
#include "case/revisions.hpp"
#include "run/plan.hpp"
#include "util/file.hpp"
#include "verdict/expected_files.hpp"

using namespace fearless::check;

namespace {
std::vector<Case> parse(const std::string& text, bool verify = false, std::vector<std::string> prefixes = {}) {
    Case id;
    id.file = "cases/t/x.cpp";
    id.id = "t/x";
    id.display = "cases/t/x.cpp";
    id.verify_style = verify;
    id.verify_prefixes = std::move(prefixes);
    return parse_cases(text, id);
}
bool has_problem(const Case& c, const std::string& text) {
    for (const auto& p : c.problems)
        if (p.find(text) != std::string::npos) return true;
    return false;
}
Compiler compiler(Family f, int major, std::string label) {
    return {f == Family::gcc ? "g++" : "clang++", f, major, std::move(label), {}, {}};
}

const std::string two = R"(//@ revisions: ok bad
//@[bad] compile-fail
//@[ok] compile-pass
//@ flags: -Wall
//@[bad] flags: -DSHOULD_FAIL
//@ only: gcc
//@[ok] only: clang>=19
int main() {
#ifdef FEARLESS_REVISION_bad
    nope(); //~[bad] ERROR not declared
    //~[bad]^ ERROR[clang] undeclared identifier
#endif
}
)";
}  // namespace

TEST_CASE("revisions: each revision is a Case with its id, display, macro and scoped lines", "[harness][revisions]") {
    auto cs = parse(two);
    REQUIRE(cs.size() == 2);
    const Case &ok = cs[0], &bad = cs[1];
    CHECK(ok.problems.empty());
    CHECK(bad.problems.empty());
    CHECK(ok.revision == "ok");
    CHECK(ok.id == "t/x.ok");
    CHECK(ok.display == "cases/t/x.cpp[ok]");
    CHECK(ok.file == "cases/t/x.cpp");
    CHECK(bad.id == "t/x.bad");
    CHECK(bad.display == "cases/t/x.cpp[bad]");
    CHECK(ok.mode == Mode::compile_pass);
    CHECK(bad.mode == Mode::compile_fail);
    // Lists add to the unscoped directive; the macro comes first.
    CHECK(ok.flags == std::vector<std::string>{"-DFEARLESS_REVISION_ok", "-Wall"});
    CHECK(bad.flags == std::vector<std::string>{"-DFEARLESS_REVISION_bad", "-Wall", "-DSHOULD_FAIL"});
    // A directive given once, scoped, replaces the unscoped one for that revision only.
    REQUIRE(ok.only.size() == 1);
    CHECK(ok.only[0].family == "clang");
    CHECK(ok.only[0].version == 19);
    REQUIRE(bad.only.size() == 1);
    CHECK(bad.only[0].family == "gcc");
    CHECK(ok.annotations.empty());
    REQUIRE(bad.annotations.size() == 2);
    CHECK(bad.annotations[0].line == 10);
    CHECK(bad.annotations[0].text == "not declared");
    CHECK(bad.annotations[1].line == 10);  // `//~[bad]^`: the scope, then the caret
    CHECK(bad.annotations[1].only.size() == 1);
    // The lines are the file's, as the compiler reads it.
    CHECK(bad.lines[9] == "    nope(); //~[bad] ERROR not declared");
    CHECK(ok.lines == bad.lines);
}

TEST_CASE("revisions: a file without them is one Case, as parse_case gives it", "[harness][revisions]") {
    const std::string text = "//@ compile-pass\nint main() {}\n";
    auto cs = parse(text);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].revision.empty());
    CHECK(cs[0].id == "t/x");
    CHECK(cs[0].display == "cases/t/x.cpp");
    CHECK(cs[0].flags.empty());
    CHECK(cs[0].problems.empty());
    CHECK(declared_revisions(text).empty());
    CHECK(declared_revisions(two) == std::vector<std::string>{"ok", "bad"});
}

TEST_CASE("revisions: unscoped annotations and several revisions in one scope", "[harness][revisions]") {
    auto cs = parse(R"(//@ revisions: a b, c
//@[a,b] compile-fail
//@[c] compile-pass
int main() {
    int x = "s"; //~[a,b] ERROR cannot initialize
}
)");
    REQUIRE(cs.size() == 3);
    CHECK(cs[2].revision == "c");
    CHECK(cs[0].annotations.size() == 1);
    CHECK(cs[1].annotations.size() == 1);
    CHECK(cs[2].annotations.empty());
    for (const auto& c : cs) CHECK(c.problems.empty());

    // An annotation without a scope applies to every revision: a compile-pass one then says so.
    auto unscoped = parse("//@ revisions: a b\n//@[a] compile-fail\n//@[b] compile-pass\nf(); //~ ERROR x\n");
    REQUIRE(unscoped.size() == 2);
    CHECK(unscoped[0].problems.empty());
    CHECK(has_problem(unscoped[1],
                      "cases/t/x.cpp:4: //~ ERROR annotations only make sense in a compile-fail case, "
                      "this one is compile-pass (revision b)"));
}

TEST_CASE("revisions: a mode unscoped and scoped for one revision is two modes", "[harness][revisions]") {
    auto cs = parse("//@ revisions: a b\n//@ compile-pass\n//@[a] compile-fail\nf(); //~[a] ERROR x\n");
    REQUIRE(cs.size() == 2);
    CHECK(has_problem(cs[0], "cases/t/x.cpp:3: a second mode 'compile-fail': a case has exactly one (revision a)"));
    CHECK(cs[1].problems.empty());
    CHECK(cs[1].mode == Mode::compile_pass);
}

TEST_CASE("revisions: a bad setup is one malformed Case naming file and line", "[harness][revisions]") {
    auto one = [](const std::string& text) {
        auto cs = parse(text);
        REQUIRE(cs.size() == 1);
        CHECK(cs[0].id == "t/x");
        CHECK(cs[0].malformed());
        return cs[0];
    };
    CHECK(has_problem(one("//@ revisions: ok bad\n//@[bda] compile-fail\n"),
                      "cases/t/x.cpp:2: unknown revision 'bda' (declared on line 1: ok, bad)"));
    CHECK(has_problem(one("//@ revisions: ok bad\n//@ compile-pass\nf(); //~[nope] ERROR x\n"),
                      "cases/t/x.cpp:3: unknown revision 'nope'"));
    CHECK(
        has_problem(one("//@ revisions: ok ok\n//@ compile-pass\n"), "cases/t/x.cpp:1: revision 'ok' declared twice"));
    CHECK(has_problem(one("//@ revisions: a\n//@ revisions: b\n//@ compile-pass\n"),
                      "cases/t/x.cpp:2: '//@ revisions:' given twice (first on line 1)"));
    CHECK(has_problem(one("//@ compile-pass\n//@[bad] flags: -DX\n"),
                      "cases/t/x.cpp:2: a revision scope in a file without '//@ revisions:'"));
    CHECK(has_problem(one("//@ compile-fail\nf(); //~[bad] ERROR x\n"),
                      "cases/t/x.cpp:2: a revision scope in a file without '//@ revisions:'"));
    CHECK(has_problem(one("//@ revisions: ok my-bad\n//@ compile-pass\n"),
                      "cases/t/x.cpp:1: revision name 'my-bad': a name is letters, digits and _"));
    CHECK(has_problem(one("//@ revisions:\n//@ compile-pass\n"),
                      "cases/t/x.cpp:1: //@ revisions: needs at least one name"));
    CHECK(has_problem(one("//@ revisions: a gcc\n//@ compile-pass\n"), "revision name 'gcc' would read as a compiler"));
    CHECK(has_problem(one("//@ revisions: a\n//@[a compile-pass\n"), "cases/t/x.cpp:2: //@[ needs its closing ]"));
}

TEST_CASE("revisions: -verify prefixes per revision", "[harness][revisions][verify]") {
    const std::string text = R"(//@ revisions: ok bad
void f(int);
int main() {
#ifdef FEARLESS_REVISION_bad
    f("a"); // bad-error {{no matching function}}
#endif
    // ok-no-diagnostics
}
)";
    // Without a folder config, the revision's own prefix makes the file a -verify case.
    auto cs = parse(text);
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].problems.empty());
    CHECK(cs[1].problems.empty());
    CHECK(cs[0].verify_style);
    CHECK(cs[0].verify_prefixes == std::vector<std::string>{"ok", "expected"});
    CHECK(cs[0].mode == Mode::compile_pass);
    CHECK(cs[1].mode == Mode::compile_fail);
    REQUIRE(cs[1].verify.expectations.size() == 1);
    CHECK(cs[1].verify.expectations[0].prefix == "bad");

    // The folder's prefixes join the revision's; verify-prefixes names them outright.
    auto folder = parse(text, true, {"cxx20"});
    CHECK(folder[1].verify_prefixes == std::vector<std::string>{"bad", "cxx20"});
    auto named = parse(
        "//@ revisions: a b\n//@[b] verify-prefixes: expected, b2\n"
        "int x = \"s\"; // b2-error {{cannot initialize}}\n// a-no-diagnostics\n",
        true);
    REQUIRE(named.size() == 2);
    CHECK(named[1].verify_prefixes == std::vector<std::string>{"expected", "b2"});
    CHECK(named[1].mode == Mode::compile_fail);
    CHECK(named[1].problems.empty());
    CHECK(named[0].mode == Mode::compile_pass);

    // A revision's family prefixes: bad-gcc and bad-clang, checked in revision bad only.
    CHECK(verify_prefixes({}, "bad") == std::vector<std::string>{"expected", "gcc", "bad-gcc", "clang", "bad-clang"});
    auto family = parse(
        "//@ revisions: ok bad\ns.run(); // bad-gcc-error {{no member}} bad-clang-error {{no member}}\n"
        "// ok-no-diagnostics\n",
        true);
    REQUIRE(family.size() == 2);
    CHECK(family[1].verify.expectations.size() == 2);
    CHECK(family[0].verify.expectations.empty());
}

TEST_CASE("revisions: each revision's expected files carry its name, and are not stale", "[harness][revisions]") {
    const Compiler clang19 = compiler(Family::clang, 19, "clang-19");
    auto c = expected_candidates("expected", "t/x.bad", "stderr", clang19);
    REQUIRE(c.size() == 3);
    CHECK(c[0] == "expected/t/x.bad.clang-19.stderr");
    CHECK(c[1] == "expected/t/x.bad.clang.stderr");
    CHECK(c[2] == "expected/t/x.bad.stderr");

    const auto root =
        std::filesystem::temp_directory_path() / ("fearless-check-revisions-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    write_file(root / "cases/t/x.cpp", two);
    for (auto f : {"expected/t/x.bad.stderr", "expected/t/x.ok.clang.stdout", "expected/t/x.gone.stderr",
                   "expected/t/y.bad.stderr"})
        write_file(root / f, "x");
    CHECK(find_stale_expected(root, "expected", "cases") ==
          std::vector<std::filesystem::path>{"expected/t/x.gone.stderr", "expected/t/y.bad.stderr"});
    std::filesystem::remove_all(root);
}

TEST_CASE("revisions: a compile-pass sibling on the same compiler is a compile-fail revision's control",
          "[harness][revisions][plan][control]") {
    auto cs = parse(two);  // bad: only gcc; ok: only clang>=19
    auto alone = parse("//@ compile-fail\nf(); //~ ERROR x\n");
    std::vector<Compiler> gcc_and_clang = {compiler(Family::gcc, 12, "gcc-12"),
                                           compiler(Family::clang, 19, "clang-19")};
    // ok cannot run on gcc, where bad runs: bad gets the blanked-lines control there.
    auto jobs = plan_jobs(cs, gcc_and_clang);
    REQUIRE(jobs.size() == 4);
    CHECK(jobs[2].case_index == 1);
    CHECK(jobs[2].control);
    CHECK(jobs[2].control_by.empty());

    // Both on every compiler: the sibling is the control, no lines are blanked.
    auto both = parse("//@ revisions: ok bad\n//@[ok] compile-pass\n//@[bad] compile-fail\nf(); //~[bad] ERROR x\n");
    both.push_back(alone[0]);
    jobs = plan_jobs(both, gcc_and_clang);
    REQUIRE(jobs.size() == 6);
    for (std::size_t k : {2, 3}) {
        CHECK_FALSE(jobs[k].control);
        CHECK(jobs[k].control_by == "ok");
    }
    CHECK(jobs[0].control_by.empty());  // ok itself
    CHECK(jobs[4].control);             // another file's case: as before
    CHECK(jobs[4].control_by.empty());
}
