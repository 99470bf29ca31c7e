#include <catch2/catch.hpp>

#include <chrono>

#include "case/case.hpp"

using namespace fearless::check;

namespace {
Case parse(const std::string& text) {
    Case id;
    id.file = "cases/t/x.cpp";
    id.id = "t/x";
    id.display = "cases/t/x.cpp";
    return parse_case(text, id);
}
bool has_problem(const Case& c, const std::string& text) {
    for (const auto& p : c.problems)
        if (p.find(text) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("case: every directive of SPEC §5", "[harness][case]") {
    auto c = parse(R"(//@ compile-fail
//@ mirrors: Listing 16-14
//@ only: clang | gcc>=13
//@ flags: -DNDEBUG -O1
//@ timeout: 2.5
//@ check: clang-tidy bugprone-use-after-move,bugprone-foo
int main() {
    spawn(r); //~ ERROR cannot be sent between threads safely
    //~^ ERROR /takes? ownership/
    //~| ERROR third
}
)");
    REQUIRE(c.problems.empty());
    CHECK(c.mode == Mode::compile_fail);
    CHECK(c.mirrors == "Listing 16-14");
    REQUIRE(c.only.size() == 2);
    CHECK(c.only[0].family == "clang");
    CHECK(c.only[0].op.empty());
    CHECK(c.only[1].family == "gcc");
    CHECK(c.only[1].op == ">=");
    CHECK(c.only[1].version == 13);
    CHECK(c.flags == std::vector<std::string>{"-DNDEBUG", "-O1"});
    CHECK(c.timeout_s == 2.5);
    REQUIRE(c.checks.size() == 1);
    CHECK(c.checks[0].tool == "clang-tidy");
    CHECK(c.checks[0].checks == std::vector<std::string>{"bugprone-use-after-move,bugprone-foo"});
    REQUIRE(c.annotations.size() == 3);
    CHECK(c.annotations[0].line == 8);
    CHECK(c.annotations[0].text == "cannot be sent between threads safely");
    CHECK_FALSE(c.annotations[0].is_regex);
    CHECK(c.annotations[1].line == 8);
    CHECK(c.annotations[1].written_on == 9);
    CHECK(c.annotations[1].is_regex);
    CHECK(c.annotations[1].text == "takes? ownership");
    CHECK(c.annotations[2].line == 8);  // `//~|` continues the previous annotation's line
    CHECK(c.lines.size() == 11);
}

TEST_CASE("case: run modes and stdout", "[harness][case]") {
    auto c = parse("//@ run-pass\n//@ stdout: sorted\nint main() {}\n");
    REQUIRE(c.problems.empty());
    CHECK(c.mode == Mode::run_pass);
    CHECK(c.stdout_mode == StdoutMode::sorted);
    CHECK(parse("//@ run-fail\n//@ stdout: regex\n").stdout_mode == StdoutMode::regex);
    CHECK(parse("//@ compile-pass\n").mode == Mode::compile_pass);
}

TEST_CASE("case: one ^ per line up", "[harness][case]") {
    auto c = parse("//@ compile-fail\nint a;\nint b;\n//~^^ ERROR x\n");
    REQUIRE(c.problems.empty());
    CHECK(c.annotations.at(0).line == 2);
}

TEST_CASE("case: malformed cases name file and line", "[harness][case]") {
    SECTION("no mode") {
        auto c = parse("int main() {}\n");
        CHECK(c.malformed());
        CHECK(has_problem(c, "cases/t/x.cpp:1: no mode"));
    }
    SECTION("two modes") {
        auto c = parse("//@ compile-pass\n//@ run-pass\n");
        CHECK(has_problem(c, "cases/t/x.cpp:2: a second mode 'run-pass'"));
    }
    SECTION("unknown directive") {
        auto c = parse("//@ compile-pass\n\n//@ expect: fail\n");
        CHECK(has_problem(c, "cases/t/x.cpp:3: unknown directive '//@ expect'"));
    }
    SECTION("compile-fail without annotations") {
        auto c = parse("//@ compile-fail\nint main() { return x; }\n");
        CHECK(has_problem(c, "needs at least one //~ ERROR"));
    }
    SECTION("annotation above line 1") {
        auto c = parse("int x; //~^ ERROR x\n//@ compile-fail\n");
        CHECK(has_problem(c, "cases/t/x.cpp:1: annotation points to line 0, above the first line"));
        CHECK(c.problems.size() == 1);  // not also "needs at least one annotation"
    }
    SECTION("annotations in a passing mode") {
        CHECK(has_problem(parse("//@ compile-pass\nint x; //~ ERROR y\n"),
                          "cases/t/x.cpp:2: //~ ERROR annotations only make sense"));
    }
    SECTION("bad values") {
        CHECK(has_problem(parse("//@ compile-pass\n//@ only: msvc\n"), ":2: only: 'msvc'"));
        CHECK(has_problem(parse("//@ run-pass\n//@ stdout: fuzzy\n"), ":2: stdout: 'fuzzy'"));
        CHECK(has_problem(parse("//@ run-pass\n//@ timeout: soon\n"), ":2: timeout: 'soon'"));
        CHECK(has_problem(parse("//@ run-pass\n//@ timeout: -1\n"), ":2: timeout"));
        CHECK(has_problem(parse("//@ compile-pass\n//@ stdout: exact\n"), ":2: //@ stdout: applies only to run"));
        CHECK(has_problem(parse("//@ compile-fail\nx; //~ ERROR /(/\n"), ":2: invalid regex"));
        CHECK(has_problem(parse("//@ compile-fail\nx; //~ ERROR\n"), ":2: //~ ERROR needs the text"));
        CHECK(has_problem(parse("//@ compile-fail\nx; //~ WARNING y\n"), ":2: annotation kind 'WARNING'"));
        CHECK(has_problem(parse("//@ compile-fail\n//@ check: cppcheck all\nx; //~ ERROR y\n"), ":2: check:"));
        CHECK(has_problem(parse("//@ run-pass\n//@ timeout: 1\n//@ timeout: 2\n"), ":3: 'timeout' given twice"));
    }
}

TEST_CASE("case: compiler requirements", "[harness][case]") {
    CHECK(parse_compiler_req("clang>=19")->version == 19);
    CHECK(parse_compiler_req("gcc == 12")->op == "==");
    CHECK(parse_compiler_req("gcc")->op.empty());
    CHECK_FALSE(parse_compiler_req("clang>="));
    CHECK_FALSE(parse_compiler_req("clang19"));
    CHECK_FALSE(parse_compiler_req("icc"));
    auto c = parse("//@ compile-pass\n//@ only: clang >= 19\n");
    REQUIRE(c.problems.empty());
    CHECK(c.only.at(0).version == 19);
}

TEST_CASE("case: //@ std: names the language standard", "[harness][case]") {
    auto c = parse("//@ compile-pass\n//@ std: c++17\nint main() {}\n");
    REQUIRE(c.problems.empty());
    CHECK(c.std_version == "c++17");
    CHECK(parse("//@ compile-pass\n").std_version.empty());  // the run's standard
    CHECK(parse("//@ compile-pass\n//@ std: gnu++2b\n").std_version == "gnu++2b");
    CHECK(has_problem(parse("//@ compile-pass\n//@ std: 17\n"), ":2: std: '17' is not a language standard"));
    CHECK(has_problem(parse("//@ compile-pass\n//@ std: c++17 -O2\n"), ":2: std: 'c++17 -O2'"));
    CHECK(has_problem(parse("//@ compile-pass\n//@ std: c++17\n//@ std: c++20\n"), ":3: 'std' given twice"));
    CHECK(is_std_version("c++20"));
    CHECK_FALSE(is_std_version("c++"));
    CHECK_FALSE(is_std_version("c++ab"));
}

TEST_CASE("case: //~ ERROR[gcc] text is expected only from those compilers", "[harness][case]") {
    auto c = parse(R"(//@ compile-fail
int main() {
    return nope; //~ ERROR[gcc] was not declared in this scope
    //~^ ERROR[clang>=19] use of undeclared identifier
    //~| ERROR[gcc | clang < 19] /nope/
    //~| ERROR both
}
)");
    REQUIRE(c.problems.empty());
    REQUIRE(c.annotations.size() == 4);
    CHECK(c.annotations[0].line == 3);
    CHECK(c.annotations[0].text == "was not declared in this scope");
    REQUIRE(c.annotations[0].only.size() == 1);
    CHECK(c.annotations[0].only[0].family == "gcc");
    CHECK(c.annotations[1].line == 3);
    REQUIRE(c.annotations[1].only.size() == 1);
    CHECK(c.annotations[1].only[0].op == ">=");
    CHECK(c.annotations[1].only[0].version == 19);
    CHECK(c.annotations[2].is_regex);
    CHECK(c.annotations[2].text == "nope");
    REQUIRE(c.annotations[2].only.size() == 2);
    CHECK(c.annotations[2].only[1].op == "<");
    CHECK(c.annotations[3].only.empty());
    CHECK(has_problem(parse("//@ compile-fail\nx; //~ ERROR[msvc] y\n"), ":2: ERROR[...]: 'msvc' is not a compiler"));
    CHECK(has_problem(parse("//@ compile-fail\nx; //~ ERROR[gcc y\n"), ":2: ERROR[ needs its closing ]"));
    CHECK(has_problem(parse("//@ compile-fail\nx; //~ ERROR[] y\n"), ":2: ERROR[...]: needs at least one"));
    CHECK(has_problem(parse("//@ compile-fail\nx; //~ ERROR[clang]\n"), ":2: //~ ERROR needs the text"));
}

TEST_CASE("case: //~? ERROR text expects an error anywhere", "[harness][case]") {
    auto c = parse("//@ compile-fail\n#include <lib.hpp>\n//~? ERROR[clang] not supported\n");
    REQUIRE(c.problems.empty());
    REQUIRE(c.annotations.size() == 1);
    CHECK(c.annotations[0].anywhere);
    CHECK(c.annotations[0].line == 0);
    CHECK(c.annotations[0].written_on == 3);
    CHECK(c.annotations[0].text == "not supported");
    CHECK(c.annotations[0].only.size() == 1);
    CHECK(c.matches_anywhere());
    CHECK_FALSE(parse("//@ compile-fail\nx; //~ ERROR y\n").matches_anywhere());
}

// Hostile case text: a clear problem or the right reading, in bounded time.
TEST_CASE("case: hostile text", "[harness][case][hostile]") {
    SECTION("CRLF endings read like LF, the last line too") {
        auto c = parse("//@ compile-fail\r\nint main() {\r\n    f(); //~ ERROR no f\r\n}\r");
        CHECK(c.problems.empty());
        REQUIRE(c.annotations.size() == 1);
        CHECK(c.annotations[0].text == "no f");
        CHECK(c.lines.back() == "}");
    }
    SECTION("a NUL byte is a problem naming its line") {
        auto c = parse(std::string("//@ compile-pass\nint main() {}\n//@ flags: -DA\0-DB\n", 50));
        CHECK(has_problem(c, "cases/t/x.cpp:3: a NUL byte"));
    }
    SECTION("bytes that are not UTF-8 are kept as they are") {
        auto c = parse("//@ compile-fail\nint main() { f(); } //~ ERROR \xff\xfe caf\xe9\n");
        CHECK(c.problems.empty());
        REQUIRE(c.annotations.size() == 1);
        CHECK(c.annotations[0].text == "\xff\xfe caf\xe9");
    }
    SECTION("a repeated directive") {
        CHECK(has_problem(parse("//@ run-pass\n//@ timeout: 1\n//@ timeout: 2\nint main() {}\n"),
                          "cases/t/x.cpp:3: 'timeout' given twice"));
        CHECK(has_problem(parse("//@ compile-pass\n//@ compile-pass\nint main() {}\n"), "cases/t/x.cpp:2: a second mode"));
    }
    SECTION("a timeout too large for the clock") {
        CHECK(has_problem(parse("//@ run-pass\n//@ timeout: inf\nint main() {}\n"), "cases/t/x.cpp:2: timeout: 'inf' is more than"));
        CHECK(has_problem(parse("//@ run-pass\n//@ timeout: 1e300\nint main() {}\n"), "more than 86400 seconds"));
    }
    SECTION("an annotation pointing above the first line, however far") {
        auto c = parse("//@ compile-fail\nint x; //~" + std::string(100000, '^') + " ERROR far\n");
        CHECK(has_problem(c, "annotation points to line -99998, above the first line"));
    }
    SECTION("a 5 MB file with 10,000 annotations") {
        std::string text = "//@ compile-fail\n";
        for (int i = 0; i < 10000; ++i) text += "int v" + std::to_string(i) + " = missing; //~ ERROR missing\n";
        text += "// " + std::string(5u << 20, 'x') + "\n";
        const auto t0 = std::chrono::steady_clock::now();
        auto c = parse(text);
        const auto took = std::chrono::steady_clock::now() - t0;
        CHECK(c.problems.empty());
        CHECK(c.annotations.size() == 10000);
        CHECK(c.annotations.back().line == 10001);
        CHECK(took < std::chrono::seconds(5));
    }
}

TEST_CASE("case: //@ limits: sizes for a run case's program", "[harness][case]") {
    auto c = parse("//@ run-pass\n//@ limits: memory=512M file=16M output=1K\nint main() {}\n");
    CHECK(c.problems.empty());
    CHECK(c.limits.memory == std::optional<unsigned long>(512ul << 20));
    CHECK(c.limits.file == std::optional<unsigned long>(16ul << 20));
    CHECK(c.limits.output == std::optional<unsigned long>(1024));
    CHECK(parse("//@ run-pass\n//@ limits: file=2G\nint main() {}\n").limits.file == std::optional<unsigned long>(2ul << 30));
    CHECK(has_problem(parse("//@ run-pass\n//@ limits: memory=lots\nint main() {}\n"),
                      "cases/t/x.cpp:2: limits: 'memory=lots' is not memory=SIZE"));
    CHECK(has_problem(parse("//@ run-pass\n//@ limits: stack=1M\nint main() {}\n"), "limits: 'stack=1M'"));
    CHECK(has_problem(parse("//@ run-pass\n//@ limits: memory=10\nint main() {}\n"), "at least 1K"));
    CHECK(has_problem(parse("//@ run-pass\n//@ limits: memory=99999999G\nint main() {}\n"), "limits:"));
    CHECK(has_problem(parse("//@ compile-pass\n//@ limits: memory=1M\nint main() {}\n"),
                      "cases/t/x.cpp:2: //@ limits: applies only to run-pass and run-fail cases"));
    CHECK(has_problem(parse("//@ run-pass\n//@ limits: memory=1M\n//@ limits: file=1M\nint main() {}\n"),
                      "'limits' given twice"));
}
