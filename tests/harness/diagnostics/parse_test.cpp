// The parser on real captured output of g++ 12, clang++ 14, 19 and 22.
#include <catch2/catch.hpp>

#include "diagnostics/parse.hpp"
#include "fixtures.hpp"

using namespace fearless::check;

TEST_CASE("diagnostics: GCC puts the chain before the error", "[harness][diagnostics]") {
    auto ds = parse_diagnostics(fixtures::raw("static_assert", "gcc-12"));
    REQUIRE(ds.size() == 1);
    const auto& d = ds[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.at == Location{"include/lib/lib.hpp", 11, 19});
    CHECK(d.message == "static assertion failed: NotSend cannot be sent between threads safely");
    CHECK(d.source_line == "    static_assert(is_sendable<T>, \"NotSend cannot be sent between threads safely\");");
    REQUIRE(d.chain.size() == 2);
    CHECK(d.chain[0].at == Location{"include/lib/lib.hpp", 15, 18});
    CHECK(d.chain[0].text == "required from 'void lib::spawn(T) [with T = NotSend]'");
    CHECK(d.chain[1].at == Location{"static_assert.cpp", 5, 15});
    CHECK(d.chain[1].text == "required from here");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message == "'lib::is_sendable<lib::NotSend>' evaluates to false");
}

TEST_CASE("diagnostics: Clang puts the chain after the error, as notes", "[harness][diagnostics]") {
    for (std::string label : {"clang-14", "clang-19", "clang-22"}) {
        INFO(label);
        auto ds = parse_diagnostics(fixtures::raw("static_assert", label));
        REQUIRE(ds.size() == 1);
        const auto& d = ds[0];
        CHECK(d.at.file == "include/lib/lib.hpp");
        CHECK(d.at.line == 11);
        REQUIRE(d.chain.size() == 2);
        CHECK(d.chain[0].at == Location{"include/lib/lib.hpp", 15, 5});
        CHECK(d.chain[1].at == Location{"static_assert.cpp", 5, 10});
        CHECK(d.chain[1].text ==
              "in instantiation of function template specialization 'lib::spawn<lib::NotSend>' requested here");
        CHECK(d.notes.empty());  // chain notes are not notes
        // Clang 14 echoes the line bare, newer ones behind a `NN | ` gutter: both give the text.
        CHECK(d.source_line == "    static_assert(is_sendable<T>, \"NotSend cannot be sent between threads safely\");");
    }
}

TEST_CASE("diagnostics: the declaration line of a deleted function is kept", "[harness][diagnostics]") {
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto ds = parse_diagnostics(fixtures::raw("deleted", label));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].at.file == "deleted.cpp");
        CHECK(ds[0].at.line == 5);
        CHECK(ds[0].source_line == "    lib::Handle b = a;");
        REQUIRE(ds[0].notes.size() == 1);
        CHECK(ds[0].notes[0].at.file == "include/lib/lib.hpp");
        CHECK(ds[0].notes[0].at.line == 21);
        CHECK(ds[0].notes[0].source_line ==
              "    Handle(const Handle&) = delete; // Handle cannot be copied: use clone()");
    }
}

TEST_CASE("diagnostics: a concept failure and its notes", "[harness][diagnostics]") {
    auto gcc = parse_diagnostics(fixtures::raw("concept", "gcc-12"));
    REQUIRE(gcc.size() == 1);
    CHECK(gcc[0].message == "no matching function for call to 'send(lib::NotSend)'");
    CHECK(gcc[0].at == Location{"concept.cpp", 4, 14});
    CHECK(gcc[0].notes.size() == 4);
    // The "In substitution of ... required from here" block belongs to the last note, not the error.
    CHECK(gcc[0].chain.empty());
    CHECK(gcc[0].notes.back().chain.size() == 2);

    auto clang = parse_diagnostics(fixtures::raw("concept", "clang-19"));
    REQUIRE(clang.size() == 1);
    CHECK(clang[0].message == "no matching function for call to 'send'");
    CHECK(clang[0].notes.size() == 3);
    CHECK(clang[0].notes[2].message == "because 'is_sendable<lib::NotSend>' evaluated to false");
}

TEST_CASE("diagnostics: a syntax error is where each compiler sees it", "[harness][diagnostics]") {
    auto gcc = parse_diagnostics(fixtures::raw("syntax", "gcc-12"));
    REQUIRE(gcc.size() == 1);
    CHECK(gcc[0].at.line == 3);  // GCC: at the `return` that follows
    for (std::string label : {"clang-14", "clang-19", "clang-22"}) {
        auto clang = parse_diagnostics(fixtures::raw("syntax", label));
        REQUIRE(clang.size() == 1);
        CHECK(clang[0].at.line == 2);  // Clang: after the `1` that lacks its `;`
        CHECK(clang[0].message == "expected ';' at end of declaration");
    }
}

TEST_CASE("diagnostics: several errors in one file", "[harness][diagnostics]") {
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto ds = parse_diagnostics(fixtures::raw("several", label));
        REQUIRE(ds.size() == 3);
        int with_chain = 0;
        for (const auto& d : ds) {
            CHECK(d.severity == Severity::error);
            with_chain += !d.chain.empty();
        }
        CHECK(with_chain == 1);
    }
}

TEST_CASE("diagnostics: lines that are not diagnostics", "[harness][diagnostics]") {
    auto ds = parse_diagnostics(
        "cc1plus: error: unrecognized command-line option '-fbogus'\n"
        "x.cpp:3: warning: no column here\n"
        "2 errors generated.\n"
        "compilation terminated.\n"
        "x.cpp:4:1: fatal error: y.hpp: No such file or directory\n");
    REQUIRE(ds.size() == 3);
    CHECK(ds[0].at.file == "cc1plus");
    CHECK(ds[0].at.line == 0);
    CHECK(ds[1].severity == Severity::warning);
    CHECK(ds[1].at.line == 3);
    CHECK(ds[2].severity == Severity::fatal);
    CHECK(ds[2].message == "y.hpp: No such file or directory");
    CHECK(parse_diagnostics("").empty());
}

TEST_CASE("diagnostics: a compiler crash is recognized", "[harness][diagnostics]") {
    CHECK(reports_compiler_crash("x.cpp:1:1: internal compiler error: Segmentation fault\n"));
    CHECK(reports_compiler_crash("PLEASE submit a bug report to https://github.com/llvm/llvm-project/issues/\n"));
    CHECK_FALSE(reports_compiler_crash(fixtures::raw("several", "gcc-12")));
}

TEST_CASE("diagnostics: megabyte-long lines (template types) neither crash nor crawl", "[harness][diagnostics]") {
    // libstdc++'s std::regex recurses per character and overflows the stack on such lines.
    std::string type(2'000'000, 'T');
    std::string out =
        "In file included from x.cpp:1:\n"
        "lib.hpp: In instantiation of 'void f() [with T = " +
        type +
        "]':\n"
        "x.cpp:5:15:   required from here\n"
        "lib.hpp:11:19: error: no matching function for call to 'g(" +
        type +
        ")'\n"
        "   11 |     g(" +
        type +
        ");\n"
        "      |     ^\n";
    auto ds = parse_diagnostics(out);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message.size() > type.size());
    CHECK(ds[0].chain.size() == 1);
    CHECK(ds[0].source_line.size() > type.size());
}
