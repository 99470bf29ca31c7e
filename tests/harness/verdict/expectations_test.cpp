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
    return Annotation{line, line, std::move(text), regex};
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

TEST_CASE("expectations: two annotations on one line; one annotation, two errors", "[harness][expectations]") {
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
