#include <catch2/catch.hpp>

#include "verdict/expectations.hpp"

using namespace fearless::check;

namespace {
Finding error_on(int line, std::string message, bool in_case = true) {
    Finding f;
    f.message = std::move(message);
    f.at = {in_case ? "cases/x.cpp" : "include/lib.hpp", line, 1};
    f.in_case = in_case;
    return f;
}
Annotation ann(int line, std::string text, bool regex = false) {
    return Annotation{line, line, std::move(text), regex, {}};
}
}  // namespace

TEST_CASE("expectations: every annotation matched, nothing else", "[harness][expectations]") {
    auto errors = {error_on(5, "static assertion failed: Rc<int> cannot be sent between threads safely")};
    CHECK(match_annotations({ann(5, "cannot be sent between threads safely")}, errors).empty());
    CHECK(match_annotations({ann(5, "/Rc<.*> cannot be sent/", true)}, errors).size() ==
          1);  // the slashes are literal here
    CHECK(match_annotations({ann(5, "Rc<.*> cannot be sent", true)}, errors).empty());
}

TEST_CASE("expectations: wrong line, wrong text, unexpected error", "[harness][expectations]") {
    auto errors = {error_on(7, "static assertion failed: cannot be sent")};
    auto wrong_line = match_annotations({ann(6, "cannot be sent")}, errors);
    REQUIRE(wrong_line.size() == 2);
    CHECK(wrong_line[0] ==
          "line 6: expected an error containing \"cannot be sent\", found none on that line (errors on line(s) 7)");
    CHECK(wrong_line[1] ==
          "line 7: unexpected error (no //~ ERROR on that line): static assertion failed: cannot be sent");

    auto wrong_text = match_annotations({ann(7, "may outlive")}, errors);
    REQUIRE(wrong_text.size() == 1);
    CHECK(
        wrong_text[0] ==
        "line 7: expected an error containing \"may outlive\", but the error there says: static assertion failed: cannot be sent");

    auto none = match_annotations({ann(3, "x")}, {});
    REQUIRE(none.size() == 1);
    CHECK(none[0].find("no error on any case line") != std::string::npos);
}

TEST_CASE("expectations: errors outside the case are never expected", "[harness][expectations]") {
    auto problems = match_annotations({ann(2, "boom")}, {error_on(2, "boom"), error_on(9, "broken header", false)});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("error outside the case, at include/lib.hpp:9") != std::string::npos);
}

TEST_CASE("expectations: two annotations on one line, one annotation, two errors", "[harness][expectations]") {
    auto errors = {error_on(4, "first thing"), error_on(4, "second thing")};
    CHECK(match_annotations({ann(4, "first"), ann(4, "second")}, errors).empty());
    CHECK(match_annotations({ann(4, "second")}, errors).empty());  // the line is annotated
    CHECK(match_annotations({ann(4, "third")}, errors).size() == 1);
}

TEST_CASE("expectations: notes count towards their error, never on their own", "[harness][expectations]") {
    Finding f = error_on(6, "use of deleted function 'Handle::Handle(const Handle&)'");
    Diagnostic note;
    note.severity = Severity::note;
    note.at = {"include/lib.hpp", 21, 5};
    note.message = "declared here";
    note.source_line = "    Handle(const Handle&) = delete; // Handle cannot be copied: use clone()";
    f.notes.push_back(note);
    CHECK(match_annotations({ann(6, "cannot be copied")}, {f}).empty());
    // A note's own location is not an error location: nothing is expected on lib.hpp:21, nothing is unexpected.
    CHECK(match_annotations({ann(6, "deleted")}, {f}).empty());
}

TEST_CASE("expectations: a regex annotation against a megabyte-long message", "[harness][expectations]") {
    auto errors = {error_on(5, "no matching call for '" + std::string(2'000'000, 'T') + "' cannot be sent")};
    CHECK(match_annotations({ann(5, "cannot be (sent|shared)", true)}, errors).empty());
    CHECK(match_annotations({ann(5, "may outlive", true)}, errors).size() == 1);
}

TEST_CASE("expectations: per-compiler annotations count only on their compilers", "[harness][expectations]") {
    Compiler gcc12, clang14, clang19;
    gcc12.family = Family::gcc, gcc12.major = 12;
    clang14.family = Family::clang, clang14.major = 14;
    clang19.family = Family::clang, clang19.major = 19;
    auto on_gcc = ann(3, "was not declared in this scope"), on_new_clang = ann(3, "use of undeclared identifier");
    on_gcc.only = {CompilerReq{"gcc", "", 0}};
    on_new_clang.only = {CompilerReq{"clang", ">=", 19}};
    const std::vector<Annotation> all = {on_gcc, on_new_clang, ann(3, "nope")};
    CHECK(annotations_for(all, gcc12).size() == 2);
    CHECK(annotations_for(all, clang14).size() == 1);
    CHECK(annotations_for(all, clang19).size() == 2);
    auto gcc_error = {error_on(3, "'nope' was not declared in this scope")};
    auto clang_error = {error_on(3, "use of undeclared identifier 'nope'")};
    CHECK(match_annotations(annotations_for(all, gcc12), gcc_error).empty());
    CHECK(match_annotations(annotations_for(all, clang19), clang_error).empty());
    // Each compiler is held to its own text: GCC's wording from clang fails.
    CHECK(match_annotations(annotations_for(all, clang19), gcc_error).size() == 1);
}

TEST_CASE("expectations: //~? matches an error wherever it is", "[harness][expectations]") {
    auto anywhere = ann(0, "not supported");
    anywhere.anywhere = true;
    anywhere.written_on = 4;
    auto outside = {error_on(3, "static assertion failed: lib: this platform is not supported", false)};
    CHECK(match_annotations({anywhere}, outside).empty());
    // Without it, the same error is outside the case.
    CHECK(match_annotations({ann(5, "x")}, outside).size() == 2);
    auto none = match_annotations({anywhere}, {error_on(3, "something else", false)});
    REQUIRE(none.size() == 2);
    CHECK(none[0] == "//~? on line 4: expected an error containing \"not supported\" anywhere, found none");
    // An unrelated error on a case line is still unexpected.
    auto both = {error_on(3, "lib: this platform is not supported", false), error_on(7, "other")};
    CHECK(match_annotations({anywhere}, both).size() == 1);
}
