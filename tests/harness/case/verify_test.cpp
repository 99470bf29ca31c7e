#include <catch2/catch.hpp>

#include "case/case.hpp"
#include "case/folder_config.hpp"
#include "case/verify.hpp"
#include "util/text.hpp"

using namespace fearless::check;

namespace {
VerifyAnnotations parse(const std::string& text, std::vector<std::string> prefixes = {"expected", "gcc", "clang"}) {
    return parse_verify(split_lines(text), prefixes);
}
Case parse_file(const std::string& text, bool verify_folder = false) {
    Case identity;
    identity.file = "cases/v/x.cpp";
    identity.id = "v/x";
    identity.display = "cases/v/x.cpp";
    identity.verify_style = verify_folder;
    return parse_case(text, identity);
}
}  // namespace

TEST_CASE("verify: kinds, text and the line they sit on", "[harness][verify]") {
    auto v = parse(
        "int a;\nf(); // expected-error {{no matching function}}\n"
        "int b; // expected-warning {{unused variable 'b'}} expected-note {{declared}}\n");
    REQUIRE(v.problems.empty());
    REQUIRE(v.expectations.size() == 3);
    CHECK(v.expectations[0].kind == VerifyKind::error);
    CHECK(v.expectations[0].line == 2);
    CHECK(v.expectations[0].text == "no matching function");
    CHECK(v.expectations[0].min == 1);
    CHECK(v.expectations[0].max == 1);
    CHECK(v.expectations[1].kind == VerifyKind::warning);
    CHECK(v.expectations[1].text == "unused variable 'b'");
    CHECK(v.expectations[2].kind == VerifyKind::note);
    CHECK(v.expectations[2].line == 3);
}

TEST_CASE("verify: @+N, @-N, @N, @file:N and @*", "[harness][verify]") {
    auto v = parse(
        "// expected-error@+2 {{a}}\n\nx;\n// expected-note@-3 {{b}}\n// expected-error@3 {{c}}\n"
        "// expected-note@mini/mini.hpp:14 {{d}}\n// expected-error@* {{e}}\n");
    REQUIRE(v.problems.empty());
    REQUIRE(v.expectations.size() == 5);
    CHECK(v.expectations[0].line == 3);
    CHECK(v.expectations[0].written_on == 1);
    CHECK(v.expectations[1].line == 1);
    CHECK(v.expectations[2].line == 3);
    CHECK(v.expectations[3].file == "mini/mini.hpp");
    CHECK(v.expectations[3].line == 14);
    CHECK(v.expectations[4].any_line);
    auto bad = parse("// expected-error@-1 {{a}}\n// expected-error@x {{a}}\n// expected-error@+5 {{a}}\n");
    REQUIRE(bad.problems.size() == 3);
    CHECK(bad.problems[0] == "1: @-1 points to line 0, outside the file (1-3)");
    CHECK(bad.problems[1] == "2: @x: expected @+N, @-N, @N, @file:N or @*");
    CHECK(bad.problems[2] == "3: @+5 points to line 8, outside the file (1-3)");
}

TEST_CASE("verify: counts N, N+, N-M and +", "[harness][verify]") {
    auto v = parse("// expected-error 2 {{a}} expected-error 1+ {{b}} expected-note 0-3 {{c}} expected-note + {{d}}\n");
    REQUIRE(v.problems.empty());
    REQUIRE(v.expectations.size() == 4);
    CHECK((v.expectations[0].min == 2 && v.expectations[0].max == 2));
    CHECK((v.expectations[1].min == 1 && v.expectations[1].max == -1));
    CHECK((v.expectations[2].min == 0 && v.expectations[2].max == 3));
    CHECK((v.expectations[3].min == 1 && v.expectations[3].max == -1));
    auto bad = parse("// expected-error 0 {{a}}\n// expected-error 3-1 {{a}}\n// expected-error lots {{a}}\n");
    REQUIRE(bad.problems.size() == 3);
    CHECK(bad.problems[2] == "3: count 'lots': expected N, N+, N-M or +");
}

TEST_CASE("verify: -re text is literal outside {{regex}}", "[harness][verify]") {
    auto v = parse("// expected-error-re {{call to '{{[a-z]+}}' (x)}}\n// expected-error-re {{{{a|b}}}}\n");
    REQUIRE(v.problems.empty());
    REQUIRE(v.expectations.size() == 2);
    CHECK(v.expectations[0].is_regex);
    CHECK(v.expectations[0].text == R"(call to '(?:[a-z]+)' \(x\))");
    CHECK(v.expectations[1].text == "(?:a|b)");
    auto bad = parse("// expected-error-re {{{{(}}}}\n");
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].find("1: invalid regex in -re directive") == 0);
}

TEST_CASE("verify: prefixes, no-diagnostics and what is not a directive", "[harness][verify]") {
    auto v = parse("// cxx20-error {{a}}\n// gcc-error {{b}}\n// expected-no-diagnostics\n// unexpected-error {{c}}\n",
                   {"expected", "cxx20", "gcc", "clang"});
    REQUIRE(v.problems.empty());
    REQUIRE(v.expectations.size() == 2);
    CHECK(v.expectations[0].prefix == "cxx20");
    CHECK(v.expectations[1].prefix == "gcc");
    CHECK(v.no_diagnostics == std::vector<std::string>{"expected"});
    // Code, not comments, holds no directives; an inactive prefix is a comment.
    CHECK(parse("auto s = \"expected-error {{x}}\";\n// cxx17-error {{y}}\n").expectations.empty());
    auto bad = parse("// expected-error no braces\n// expected-error {{unclosed\n// expected-error {{}}\n");
    REQUIRE(bad.problems.size() == 3);
    CHECK(bad.problems[0] == "1: expected {{text}} after the directive");
    CHECK(bad.problems[1] == "2: {{ without its closing }}");
    CHECK(verify_prefixes({}) == std::vector<std::string>{"expected", "gcc", "clang"});
    CHECK(verify_prefixes({"a", "b"}) == std::vector<std::string>{"a", "b", "gcc", "clang"});
}

TEST_CASE("verify: a file needs no header: its directives give the mode", "[harness][verify]") {
    auto fail = parse_file("void f(int);\nint main() { f(\"a\"); }  // expected-error {{no matching}}\n");
    INFO(fail.problems.size());
    REQUIRE_FALSE(fail.malformed());
    CHECK(fail.verify_style);
    CHECK(fail.mode == Mode::compile_fail);
    REQUIRE(fail.annotations.size() == 1);
    CHECK(fail.annotations[0].line == 2);

    auto pass = parse_file("// expected-no-diagnostics\nint main() {}\n");
    REQUIRE_FALSE(pass.malformed());
    CHECK(pass.mode == Mode::compile_pass);
    auto warn = parse_file("int main() { int x; }  // expected-warning {{unused}}\n");
    CHECK(warn.mode == Mode::compile_pass);

    // With a //@ mode the file is a //~ case: expected- text is a comment.
    auto rustc = parse_file("//@ compile-pass\n// expected-error {{x}}\nint main() {}\n");
    CHECK_FALSE(rustc.verify_style);
    CHECK_FALSE(rustc.malformed());

    // A folder that says "verify" holds -verify cases: one without directives is malformed.
    auto empty = parse_file("int main() {}\n", true);
    REQUIRE(empty.malformed());
    CHECK(
        empty.problems[0] ==
        "cases/v/x.cpp:1: a -verify case needs expected-error/-warning/-note directives or // expected-no-diagnostics");
    auto both = parse_file("// expected-no-diagnostics\nint x; // expected-warning {{x}}\n", true);
    REQUIRE(both.malformed());
    CHECK(both.problems[0] == "cases/v/x.cpp:2: expected-no-diagnostics next to expected-warning directives");
    auto bad = parse_file("int main() {} // expected-error@+9 {{x}}\n", true);
    REQUIRE(bad.malformed());
    CHECK(bad.problems[0] == "cases/v/x.cpp:1: @+9 points to line 10, outside the file (1-1)");
}

TEST_CASE("verify: a cases folder's config", "[harness][verify]") {
    auto c = parse_folder_config(R"({"annotations": "verify", "verify_prefixes": ["expected", "cxx20"]})",
                                 "cases/v/fearless-check.json");
    CHECK(c.problem.empty());
    CHECK(c.verify);
    CHECK(c.verify_prefixes == std::vector<std::string>{"expected", "cxx20"});
    CHECK(parse_folder_config(R"({"annotations": "lit"})", "f.json").problem ==
          "f.json: \"annotations\" must be \"verify\" or \"rustc\"");
    CHECK(parse_folder_config(R"({"flags": []})", "f.json").problem ==
          "f.json: unknown key \"flags\" (a cases folder's config knows: annotations, verify_prefixes)");
    CHECK(parse_folder_config("{", "f.json").problem.find("f.json: not valid JSON") == 0);
    CHECK(parse_folder_config(R"({"verify_prefixes": ["1x"]})", "f.json").problem ==
          "f.json: \"verify_prefixes\": each must start with a letter");
}
