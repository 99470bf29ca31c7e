// An error inside a library header counts on the case line its chain leads back to.
#include <catch2/catch.hpp>

#include <algorithm>

#include "diagnostics/attribute.hpp"
#include "fixtures.hpp"

using namespace fearless::check;

namespace {
std::vector<Finding> attributed(const std::string& snippet, const std::string& label) {
    return attribute(parse_diagnostics(fixtures::raw(snippet, label)), snippet + ".cpp", fixtures::sources());
}
}  // namespace

TEST_CASE("attribute: static_assert in a library template lands on the user's call", "[harness][attribute]") {
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto fs = attributed("static_assert", label);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].in_case);
        CHECK(fs[0].at.file == "static_assert.cpp");
        CHECK(fs[0].at.line == 5);
        CHECK(fs[0].raised_at.file == "include/lib/lib.hpp");
        CHECK(fs[0].raised_at.line == 11);
    }
}

TEST_CASE("attribute: the innermost case frame wins over main's call", "[harness][attribute]") {
    // lib.hpp:11 <- lib.hpp:15 <- user_template.cpp:4 (inside the case's template) <- user_template.cpp:8 (main)
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto fs = attributed("user_template", label);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].in_case);
        CHECK(fs[0].at.line == 4);
    }
}

TEST_CASE("attribute: errors already on a case line stay there", "[harness][attribute]") {
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto deleted = attributed("deleted", label);
        REQUIRE(deleted.size() == 1);
        CHECK(deleted[0].at.line == 5);
        auto concept_failure = attributed("concept", label);
        REQUIRE(concept_failure.size() == 1);
        CHECK(concept_failure[0].at.line == 4);
        CHECK(concept_failure[0].in_case);
    }
}

TEST_CASE("attribute: several errors, each on its own line", "[harness][attribute]") {
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        std::vector<int> lines;
        for (const auto& f : attributed("several", label)) {
            CHECK(f.in_case);
            lines.push_back(f.at.line);
        }
        std::sort(lines.begin(), lines.end());
        CHECK(lines == std::vector<int>{4, 6, 8});
    }
}

TEST_CASE("attribute: an error with no way back to the case stays outside it", "[harness][attribute]") {
    auto fs = attribute(parse_diagnostics("include/lib/broken.hpp:3:1: error: expected ';' after struct\n"), "case.cpp",
                        "/r");
    REQUIRE(fs.size() == 1);
    CHECK_FALSE(fs[0].in_case);
    CHECK(fs[0].at.file == "include/lib/broken.hpp");
}

TEST_CASE("attribute: paths are compared after resolving them against the root", "[harness][attribute]") {
    auto ds = parse_diagnostics(
        "/proj/include/x.hpp:2:3: error: boom\n"
        "/proj/cases/./t/../t/c.cpp:7:5: note: in instantiation of function template specialization 'f<int>' requested here\n");
    auto fs = attribute(ds, "cases/t/c.cpp", "/proj");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].in_case);
    CHECK(fs[0].at.line == 7);
}

TEST_CASE("attribute: warnings and notes are not errors", "[harness][attribute]") {
    auto fs = attribute(parse_diagnostics("c.cpp:1:1: warning: unused\nc.cpp:2:1: note: here\n"), "c.cpp", "/r");
    CHECK(fs.empty());
}

TEST_CASE("attribute: long chains, elided in the middle, still lead back", "[harness][attribute]") {
    // Clang keeps the innermost frames and the outermost, with "(skipping 7 contexts ...)"
    // between them; that note is part of the chain, not a note of its own.
    for (std::string label : {"clang-14", "clang-19", "clang-22"}) {
        INFO(label);
        auto ds = parse_diagnostics(fixtures::raw("deep_chain", label));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].notes.empty());
        CHECK(ds[0].chain.back().at.line == 11);
        auto fs = attributed("deep_chain", label);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].at.line == 7);  // Relay<0>::go calls lib::spawn
    }
    // GCC folds the recursion into "recursively required from" and drops the
    // frame of line 7: the innermost frame it keeps is the recursive call on
    // line 4. A known difference; a case that recurses through its own
    // templates needs per-compiler care.
    auto gcc = attributed("deep_chain", "gcc-12");
    REQUIRE(gcc.size() == 1);
    CHECK(gcc[0].in_case);
    CHECK(gcc[0].at.line == 4);
}

TEST_CASE("attribute: a follow-on error in the same instantiation inherits its chain", "[harness][attribute]") {
    // follow_on.hpp's check_both raises two static_asserts per instantiation;
    // each compiler prints the chain (elided on Clang for the deep one) only
    // before or after the first of them.
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto fs = attributed("follow_on", label);
        REQUIRE(fs.size() == 4);
        std::vector<int> lines;
        for (const auto& f : fs) {
            CHECK(f.in_case);
            lines.push_back(f.at.line);
        }
        CHECK(lines == std::vector<int>{4, 4, 5, 5});
    }
}

TEST_CASE("attribute: a chain that stops inside the library continues as the previous error's", "[harness][attribute]") {
    // Copying a std::vector of a type that cannot be copied: libstdc++ raises
    // several errors in one instantiation, and Clang prints for the later ones
    // only the frames that differ from the chain before (its tail, down to
    // line 5 of the case, is elided). GCC prints each chain whole.
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto fs = attributed("elided_tail", label);
        REQUIRE_FALSE(fs.empty());
        for (const auto& f : fs) {
            INFO(f.message);
            CHECK(f.in_case);
            CHECK(f.at.line == 5);
        }
    }
}

TEST_CASE("attribute: a new GCC context ends the inherited chain", "[harness][attribute]") {
    auto fs = attribute(parse_diagnostics("include/x.hpp: In instantiation of 'void f() [with T = int]':\n"
                                          "c.cpp:4:5:   required from here\n"
                                          "include/x.hpp:3:1: error: first\n"
                                          "include/x.hpp:4:1: error: follow-on\n"
                                          "include/y.hpp: In function 'void g()':\n"
                                          "include/y.hpp:9:1: error: unrelated\n"),
                        "c.cpp", "/r");
    REQUIRE(fs.size() == 3);
    CHECK(fs[0].at.line == 4);
    CHECK(fs[1].in_case);
    CHECK(fs[1].at.line == 4);
    CHECK_FALSE(fs[2].in_case);
    CHECK(fs[2].at.file == "include/y.hpp");
}
