#include <catch2/catch.hpp>

#include "case/case.hpp"
#include "diagnostics/parse.hpp"
#include "verdict/verify_check.hpp"

using namespace fearless::check;

namespace {
Case verify_case(const std::string& text) {
    Case identity;
    identity.file = "cases/v/x.cpp";
    identity.id = "v/x";
    identity.display = "cases/v/x.cpp";
    identity.verify_style = true;
    return parse_case(text, identity);
}
Verdict judge(const Case& c, const std::string& stderr_text, std::string_view family = "gcc") {
    return check_verify(c, parse_diagnostics(stderr_text), family, "/root");
}
const std::string source =
    "struct A {}; void f(int);\n"
    "int main() {\n"
    "    f(A{});  // expected-error {{no matching function}} expected-note@-2 {{candidate}}\n"
    "    int u;   // gcc-warning {{unused variable 'u'}}\n"
    "}\n";
const std::string gcc_output =
    "cases/v/x.cpp: In function 'int main()':\n"
    "cases/v/x.cpp:3:6: error: no matching function for call to 'f(A)'\n"
    "cases/v/x.cpp:1:19: note: candidate: 'void f(int)'\n"
    "cases/v/x.cpp:4:9: warning: unused variable 'u' [-Wunused-variable]\n";
}  // namespace

TEST_CASE("verify check: every expectation seen and nothing unexpected passes", "[harness][verify]") {
    auto c = verify_case(source);
    REQUIRE_FALSE(c.malformed());
    auto v = judge(c, gcc_output);
    INFO(v.reason << "\n" << v.details);
    CHECK(v.status == Status::pass);
}

TEST_CASE("verify check: a family's prefix is active on that family only", "[harness][verify]") {
    auto c = verify_case(source);
    // On clang the gcc-warning is not expected, so the same warning is unexpected there.
    auto v = judge(c, gcc_output, "clang");
    CHECK(v.status == Status::fail);
    CHECK(v.reason ==
          "-verify: 1 diagnostic(s) seen but not expected, first: warning Line 4: unused variable 'u' "
          "[-Wunused-variable]");
}

TEST_CASE("verify check: a missing diagnostic, a wrong line, an extra error fail", "[harness][verify]") {
    auto c = verify_case(source);
    auto no_note = judge(c,
                         "cases/v/x.cpp:3:6: error: no matching function for call to 'f(A)'\n"
                         "cases/v/x.cpp:4:9: warning: unused variable 'u' [-Wunused-variable]\n");
    CHECK(no_note.status == Status::fail);
    CHECK(no_note.reason ==
          "-verify: 1 expected diagnostic(s) not seen (of 3), first: expected-note Line 1: candidate");
    auto moved = judge(c,
                       "cases/v/x.cpp:2:6: error: no matching function for call to 'f(A)'\n"
                       "cases/v/x.cpp:1:19: note: candidate: 'void f(int)'\n"
                       "cases/v/x.cpp:4:9: warning: unused variable 'u' [-Wunused-variable]\n");
    CHECK(moved.status == Status::fail);
    CHECK(moved.details.find("seen but not expected:\n  error Line 2: no matching function") != std::string::npos);
    // Notes no directive expects pass: compilers attach different ones.
    auto extra_note = judge(c, gcc_output + "cases/v/x.cpp:1:19: note: there is 1 candidate\n");
    CHECK(extra_note.status == Status::pass);
}

TEST_CASE("verify check: an error in a header counts where its chain leads back", "[harness][verify]") {
    auto c =
        verify_case("#include <mini.hpp>\nint main() {\n    mini::send(1);  // expected-error {{cannot be sent}}\n}\n");
    auto v = judge(c,
                   "include/mini.hpp: In instantiation of 'void mini::send(T) [with T = int]':\n"
                   "cases/v/x.cpp:3:15:   required from here\n"
                   "include/mini.hpp:9:19: error: static assertion failed: mini: cannot be sent\n");
    INFO(v.reason << "\n" << v.details);
    CHECK(v.status == Status::pass);
    // And with a count, too many is as wrong as too few.
    auto twice = verify_case("int main() {} // expected-error 1 {{boom}}\n");
    auto three = judge(twice, "cases/v/x.cpp:1:1: error: boom\ncases/v/x.cpp:1:2: error: boom\n");
    CHECK(three.status == Status::fail);
    CHECK(three.details.find("seen but not expected:\n  error Line 1: boom") != std::string::npos);
}
