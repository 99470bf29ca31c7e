// Judging a job from synthetic raw results: every verdict and its reason.
#include <catch2/catch.hpp>

#include <csignal>

#include "fixtures.hpp"
#include "util/text.hpp"
#include "verdict/judge.hpp"

using namespace fearless::check;

namespace {

ProcessResult exited(int code, std::string err = {}, std::string out = {}) {
    ProcessResult r;
    r.outcome = Outcome::exited;
    r.exit_code = code;
    r.err = std::move(err);
    r.out = std::move(out);
    return r;
}

ProcessResult signaled(int sig) {
    ProcessResult r;
    r.outcome = Outcome::signaled;
    r.signal = sig;
    return r;
}

struct Fixture {
    Case c;
    JobOutput out;
    std::filesystem::path root = "/proj";
    ExpectedFile err{"/proj/expected/t/x.stderr", std::nullopt, {}};
    ExpectedFile std_out{"/proj/expected/t/x.stdout", std::nullopt, {}};
    bool bless = false;

    Fixture(Mode m, std::string source) {
        c.file = "cases/t/x.cpp";
        c.display = "cases/t/x.cpp";
        c.id = "t/x";
        c = parse_case(source, c);
        c.mode = m;
    }
    Verdict verdict() { return check_job(CheckInput{c, out, root, err, std_out, bless}); }
};

const char* const case_source = "//@ compile-fail\nint main() {\n    return nope; //~ ERROR was not declared\n}\n";
const char* const gcc_error =
    "cases/t/x.cpp: In function 'int main()':\n"
    "cases/t/x.cpp:3:12: error: 'nope' was not declared in this scope\n"
    "    3 |     return nope; //~ ERROR was not declared\n"
    "      |            ^~~~\n";
const char* const snapshot =
    "error: 'nope' was not declared in this scope\n"
    " --> cases/t/x.cpp:3:5\n"
    "  |\n"
    "3 |     return nope;\n"
    "  |     ^^^^^^^^^^^^\n";

}  // namespace

TEST_CASE("check: compile-fail passes when annotations and snapshot match", "[harness][check]") {
    Fixture f(Mode::compile_fail, case_source);
    f.out.compile = StepRun{{}, exited(1, gcc_error)};
    f.err.text = snapshot;
    auto v = f.verdict();
    CHECK(v.status == Status::pass);
    CHECK(v.actual_stderr == std::optional<std::string>(snapshot));
}

TEST_CASE("check: compile-fail failures, each for its own reason", "[harness][check]") {
    Fixture f(Mode::compile_fail, case_source);
    SECTION("it compiles") {
        f.out.compile = StepRun{{}, exited(0)};
        auto v = f.verdict();
        CHECK(v.status == Status::fail);
        CHECK(v.reason == "compiled without errors, but a compile-fail case must not");
        CHECK(v.details.find("line 3: was not declared") != std::string::npos);
    }
    SECTION("missing expected file: bless fixes it") {
        f.out.compile = StepRun{{}, exited(1, gcc_error)};
        auto v = f.verdict();
        CHECK(v.status == Status::fail);
        CHECK(v.reason == "missing expected/t/x.stderr");
        CHECK(v.expectation_only);
        CHECK(v.would_be_text == snapshot);
        f.bless = true;
        CHECK(f.verdict().status == Status::pass);
    }
    SECTION("snapshot differs: a diff") {
        f.out.compile = StepRun{{}, exited(1, gcc_error)};
        f.err.text = "error: old\n";
        auto v = f.verdict();
        CHECK(v.reason == "diagnostics differ from expected/t/x.stderr");
        CHECK(v.details.find("-error: old\n+error: 'nope' was not declared in this scope\n") != std::string::npos);
    }
    SECTION("the compiler crashed, hung, or is missing") {
        f.out.compile = StepRun{{}, signaled(SIGSEGV)};
        CHECK(f.verdict().reason == "the compiler crashed: killed by SIGSEGV");
        f.out.compile = StepRun{{}, exited(1, "x.cpp:1:1: internal compiler error: in tsubst, at cp/pt.c:1\n")};
        CHECK(f.verdict().reason == "the compiler crashed (internal compiler error)");
        ProcessResult missing;
        missing.outcome = Outcome::failed_to_start;
        missing.start_error = "no such file: g++-99";
        f.out.compile = StepRun{{}, missing};
        CHECK(f.verdict().reason == "the compiler could not start: no such file: g++-99");
    }
    SECTION("it fails without an error the harness can read") {
        f.out.compile = StepRun{{}, exited(1, "something unexpected\n")};
        CHECK(f.verdict().reason.find("without an error the harness could read") != std::string::npos);
    }
}

TEST_CASE("check: compile-pass", "[harness][check]") {
    Fixture f(Mode::compile_pass, "//@ compile-pass\nint main() {\n    return nope;\n}\n");
    f.out.compile = StepRun{{}, exited(0)};
    CHECK(f.verdict().status == Status::pass);
    f.out.compile = StepRun{{}, exited(1, gcc_error)};
    auto v = f.verdict();
    CHECK(v.status == Status::fail);
    CHECK(v.reason == "does not compile: line 3: 'nope' was not declared in this scope");
}

TEST_CASE("check: run cases", "[harness][check]") {
    Fixture f(Mode::run_pass, "//@ run-pass\nint main() {}\n");
    f.out.compile = StepRun{{}, exited(0)};
    SECTION("exit 0, output as expected") {
        f.out.program = StepRun{{}, exited(0, "", "hi\n")};
        f.std_out.text = "hi\n";
        CHECK(f.verdict().status == Status::pass);
    }
    SECTION("no output, no file: fine") {
        f.out.program = StepRun{{}, exited(0)};
        CHECK(f.verdict().status == Status::pass);
    }
    SECTION("output differs") {
        f.out.program = StepRun{{}, exited(0, "", "hello\n")};
        f.std_out.text = "goodbye\n";
        auto v = f.verdict();
        CHECK(v.reason == "stdout differs from expected/t/x.stdout");
        CHECK(v.details.find("-goodbye\n+hello\n") != std::string::npos);
    }
    SECTION("output but no file") {
        f.out.program = StepRun{{}, exited(0, "", "hello\n")};
        CHECK(f.verdict().reason == "missing expected/t/x.stdout");
    }
    SECTION("non-zero exit") {
        f.out.program = StepRun{{}, exited(3)};
        CHECK(f.verdict().reason == "exited with code 3, run-pass expects 0");
    }
    SECTION("deadlock") {
        ProcessResult r;
        r.outcome = Outcome::timed_out;
        r.timeout = std::chrono::seconds(2);
        f.out.program = StepRun{{}, r};
        auto v = f.verdict();
        CHECK(v.status == Status::fail);
        CHECK(v.reason.find("deadlock") != std::string::npos);
    }
    SECTION("crash") {
        f.out.program = StepRun{{}, signaled(SIGSEGV)};
        CHECK(f.verdict().reason == "crashed: killed by SIGSEGV");
    }
    SECTION("does not compile") {
        f.out.compile = StepRun{{}, exited(1, "cases/t/x.cpp:2:1: error: boom\n")};
        CHECK(f.verdict().reason == "does not compile: line 2: boom");
    }
}

TEST_CASE("check: run-fail", "[harness][check]") {
    Fixture f(Mode::run_fail, "//@ run-fail\nint main() {}\n");
    f.out.compile = StepRun{{}, exited(0)};
    f.out.program = StepRun{{}, exited(1)};
    CHECK(f.verdict().status == Status::pass);
    f.out.program = StepRun{{}, exited(0)};
    CHECK(f.verdict().reason == "exited with code 0, run-fail expects a failure");
    f.out.program = StepRun{{}, signaled(SIGABRT)};  // an uncaught exception: C++'s panic
    CHECK(f.verdict().status == Status::pass);
    f.out.program = StepRun{{}, signaled(SIGSEGV)};
    CHECK(f.verdict().reason == "crashed: killed by SIGSEGV");
}

TEST_CASE("check: clang-tidy findings are errors for the annotations", "[harness][check]") {
    auto source = fixtures::read(fixtures::sources() / "use_after_move.cpp");
    Fixture f(Mode::compile_fail, "");
    f.c.file = "use_after_move.cpp";
    f.c.lines = split_lines(source);
    f.c.annotations = {Annotation{9, 9, "used after it was moved", false}};
    f.c.checks = {Checker{"clang-tidy", {"bugprone-use-after-move"}}};
    f.root = "/work/main/tests/harness/fixtures/diagnostics/src";
    f.out.compile = StepRun{{}, exited(0)};
    f.out.checkers.push_back(
        StepRun{{}, exited(0, "", fixtures::read(fixtures::diagnostics() / "use_after_move.clang-tidy-14.stdout"))});
    f.bless = true;
    auto v = f.verdict();
    CHECK(v.status == Status::pass);
    CHECK(v.actual_stderr->find(
              "error: 's' used after it was moved [bugprone-use-after-move]\n --> use_after_move.cpp:9:5\n") == 0);
}
