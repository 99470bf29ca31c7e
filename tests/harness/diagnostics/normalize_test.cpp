// raw compiler output → records → snapshot, on the captured fixtures.
//
// The golden snapshots live in fixtures/diagnostics/snapshots/. After a
// deliberate change of the rendering, regenerate them with
// FEARLESS_UPDATE_FIXTURES=1 and review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <random>

#include "diagnostics/attribute.hpp"
#include "diagnostics/normalize.hpp"
#include "diagnostics/render.hpp"
#include "fixtures.hpp"
#include "util/text.hpp"
#include "verdict/judge.hpp"

using namespace fearless::check;

namespace {

std::vector<Finding> normalized(const std::string& snippet, const std::string& label) {
    auto root = fixtures::sources();
    return normalize(attribute(parse_diagnostics(fixtures::raw(snippet, label)), snippet + ".cpp", root),
                     NormalizeContext{root});
}

std::string snapshot(const std::string& snippet, const std::string& label) {
    auto lines = split_lines(fixtures::read(fixtures::sources() / (snippet + ".cpp")));
    return render_snapshot(normalized(snippet, label), lines);
}

void check_golden(const std::string& snippet, const std::string& label) {
    auto golden = fixtures::diagnostics() / "snapshots" / (snippet + "." + label + ".txt");
    auto actual = snapshot(snippet, label);
    if (std::getenv("FEARLESS_UPDATE_FIXTURES")) {
        std::filesystem::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
    }
    INFO(snippet << " on " << label);
    CHECK(fixtures::read(golden) == actual);
}

Finding finding(std::string message) {
    Finding f;
    f.message = std::move(message);
    return f;
}

}  // namespace

TEST_CASE("normalize: raw → snapshot for every captured output", "[harness][normalize]") {
    for (std::string snippet : {"static_assert", "deleted", "deleted_operator", "concept", "syntax", "several",
                                "user_template", "deep_chain", "follow_on"})
        for (const auto& label : fixtures::labels()) check_golden(snippet, label);
}

TEST_CASE("normalize: a library static_assert gives one snapshot on every compiler", "[harness][normalize]") {
    for (std::string snippet : {"static_assert", "user_template"}) {
        auto gcc = snapshot(snippet, "gcc-12");
        for (std::string label : {"clang-14", "clang-19", "clang-22"}) CHECK(snapshot(snippet, label) == gcc);
    }
    CHECK(snapshot("static_assert", "gcc-12") ==
          "error: static assertion failed: NotSend cannot be sent between threads safely\n"
          " --> static_assert.cpp:5:5\n"
          "  |\n"
          "5 |     lib::spawn(n);\n"
          "  |     ^^^^^^^^^^^^^^\n");
}

TEST_CASE("normalize: the reason of `= delete` survives, from the echoed declaration", "[harness][normalize]") {
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto fs = normalized("deleted", label);
        REQUIRE(fs.size() == 1);
        REQUIRE(fs[0].notes.size() == 1);
        CHECK(matchable_text(fs[0]).find("Handle cannot be copied: use clone()") != std::string::npos);
        CHECK(snapshot("deleted", label)
                  .find("  |     Handle(const Handle&) = delete; // Handle cannot be copied: use clone()\n") !=
              std::string::npos);
    }
    // Clang 14 and 22 word it alike, and differ from GCC: one .clang and one .gcc snapshot.
    CHECK(snapshot("deleted", "clang-14") == snapshot("deleted", "clang-22"));
    CHECK(snapshot("deleted", "gcc-12") != snapshot("deleted", "clang-14"));
}

TEST_CASE(
    "normalize: a deleted operator keeps its reason too (Clang 14: \"candidate function has been explicitly deleted\")",
    "[harness][normalize]") {
    for (const auto& label : fixtures::labels()) {
        INFO(label);
        auto fs = normalized("deleted_operator", label);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].at.line == 5);
        CHECK(matchable_text(fs[0]).find("the data is only reachable through lock()") != std::string::npos);
    }
}

TEST_CASE("normalize: no backtrace through library internals", "[harness][normalize]") {
    for (const auto& label : fixtures::labels()) {
        auto s = snapshot("several", label);
        CHECK(s.find("lib.hpp:15") == std::string::npos);
        CHECK(s.find("required from") == std::string::npos);
        CHECK(s.find("in instantiation") == std::string::npos);
        CHECK(s.find("evaluates to false") == std::string::npos);
    }
}

TEST_CASE("normalize: unify_static_assert", "[harness][normalize]") {
    auto msg = [](std::string m) { return unify_static_assert({finding(std::move(m))}, {}).at(0).message; };
    CHECK(msg("static_assert failed due to requirement 'is_x<int>' \"int is no x\"") ==
          "static assertion failed: int is no x");
    CHECK(msg("static_assert failed due to requirement 'is_x<int>'") == "static assertion failed");
    CHECK(msg("static_assert failed \"plain\"") == "static assertion failed: plain");
    CHECK(msg("static assertion failed due to requirement 'a<'b'>': msg: with colon") ==
          "static assertion failed: msg: with colon");
    CHECK(msg("static assertion failed: as GCC says") == "static assertion failed: as GCC says");
    CHECK(msg("something else") == "something else");
}

TEST_CASE("normalize: relative_paths", "[harness][normalize]") {
    Finding f = finding("in '/proj/include/x.hpp' here");
    f.at = {"/proj/cases/a.cpp", 3, 1};
    f.raised_at = {"/usr/include/c++/12/thread", 1, 1};
    Diagnostic note;
    note.at = {"/proj/include/../include/x.hpp", 5, 1};
    f.notes.push_back(note);
    auto out = relative_paths({f}, NormalizeContext{"/proj"}).at(0);
    CHECK(out.at.file == "cases/a.cpp");
    CHECK(out.raised_at.file == "/usr/include/c++/12/thread");
    CHECK(out.notes.at(0).at.file == "include/x.hpp");
    CHECK(out.message == "in 'include/x.hpp' here");
}

TEST_CASE("normalize: keep_teaching_notes keeps project declarations only", "[harness][normalize]") {
    Finding f = finding("use of deleted function");
    auto note = [](std::string file, std::string msg, std::string src) {
        Diagnostic d;
        d.severity = Severity::note;
        d.at = {std::move(file), 1, 1};
        d.message = std::move(msg);
        d.source_line = std::move(src);
        return d;
    };
    f.notes = {note("include/x.hpp", "declared here", "X(const X&) = delete; // X cannot be copied  "),
               note("/usr/include/c++/12/bits/std_thread.h", "declared here", "thread(const thread&) = delete;"),
               note("include/x.hpp", "candidate: 'f()'", "void f();"),
               note("include/x.hpp", "'X' has been explicitly marked deleted here", "")};
    auto out = keep_teaching_notes({f}, {}).at(0);
    REQUIRE(out.notes.size() == 1);
    CHECK(out.notes[0].source_line == "X(const X&) = delete; // X cannot be copied");
}

TEST_CASE("normalize: drop_duplicates and order_by_line", "[harness][normalize]") {
    Finding a = finding("a"), b = finding("b"), outside = finding("outside");
    a.in_case = b.in_case = true;
    a.at.line = 9;
    b.at.line = 3;
    outside.at = {"include/x.hpp", 1, 1};
    auto out = order_by_line(drop_duplicates({outside, a, b, a}, {}), {});
    REQUIRE(out.size() == 3);
    CHECK(out[0].message == "b");
    CHECK(out[1].message == "a");
    CHECK(out[2].message == "outside");
}

TEST_CASE("normalize: the steps are named and ordered", "[harness][normalize]") {
    std::vector<std::string> names;
    for (const auto& s : normalize_steps()) names.emplace_back(s.name);
    CHECK(names == std::vector<std::string>{"relative_paths", "unify_static_assert", "keep_teaching_notes",
                                            "drop_duplicates", "order_by_line", "drop_notes_the_message_says"});
}

TEST_CASE("normalize: clang-tidy findings are errors of the case", "[harness][normalize]") {
    auto out = fixtures::read(fixtures::diagnostics() / "use_after_move.clang-tidy-14.stdout");
    auto errors = checker_errors(out, {"bugprone-use-after-move"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].severity == Severity::error);
    CHECK(errors[0].at.line == 9);
    // clang-tidy prints absolute paths: the capture's root makes them relative again.
    const std::filesystem::path root = "/work/main/tests/harness/fixtures/diagnostics/src";
    auto fs = normalize(attribute(errors, "use_after_move.cpp", root), NormalizeContext{root});
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].in_case);
    CHECK(fs[0].at.file == "use_after_move.cpp");
    CHECK(checker_errors(out, {"bugprone-other"}).empty());
}

TEST_CASE("normalize: a megabyte-long static_assert requirement", "[harness][normalize]") {
    std::string req(2'000'000, 'R');
    auto out =
        unify_static_assert({finding("static_assert failed due to requirement '" + req + "' \"the reason\"")}, {});
    CHECK(out.at(0).message == "static assertion failed: the reason");
    out = unify_static_assert({finding("static assertion failed due to requirement '" + req + "': the reason")}, {});
    CHECK(out.at(0).message == "static assertion failed: the reason");
}

TEST_CASE("normalize: mangled compiler output never breaks the pipeline", "[harness][normalize]") {
    // A small fuzzer over the captured outputs: drop, repeat, cut and swap lines,
    // then parse, attribute, normalize and render. Nothing may throw or crash,
    // and the result must not depend on anything but the input.
    std::mt19937 rng(20240611);
    auto root = fixtures::sources();
    std::vector<std::string> lines_of_case = {"int main() {", "    f();", "}"};
    for (std::string snippet : {"static_assert", "deleted", "concept", "several", "deep_chain", "deleted_operator"}) {
        for (const auto& label : fixtures::labels()) {
            auto lines = split_lines(fixtures::raw(snippet, label));
            for (int round = 0; round < 40; ++round) {
                auto mangled = lines;
                for (int k = 0; k < 4 && !mangled.empty(); ++k) {
                    std::size_t i = rng() % mangled.size();
                    switch (rng() % 5) {
                        case 0:
                            mangled.erase(mangled.begin() + static_cast<long>(i));
                            break;
                        case 1:
                            mangled.insert(mangled.begin() + static_cast<long>(i), mangled[i]);
                            break;
                        case 2:
                            mangled[i] = mangled[i].substr(0, rng() % (mangled[i].size() + 1));
                            break;
                        case 3:
                            std::swap(mangled[i], mangled[rng() % mangled.size()]);
                            break;
                        case 4:
                            mangled[i] += ": error: :: note: 99:";
                            break;
                    }
                }
                std::string text = join(mangled, "\n");
                auto run = [&] {
                    return render_snapshot(
                        normalize(attribute(parse_diagnostics(text), snippet + ".cpp", root), NormalizeContext{root}),
                        lines_of_case);
                };
                std::string first;
                REQUIRE_NOTHROW(first = run());
                CHECK(run() == first);
            }
        }
    }
}

TEST_CASE("normalize: a note that only repeats the = delete(\"reason\") of the message goes", "[harness][normalize]") {
    auto with_note = [](std::string message) {
        Finding f = finding(std::move(message));
        Diagnostic n;
        n.severity = Severity::note;
        n.message = "candidate function has been explicitly deleted";
        n.source_line = "  T* operator->() const FEARLESS_DELETE(\"`Mutex` data is only reachable through lock()\");";
        f.notes.push_back(n);
        return f;
    };
    // Clang 19+: the reason is in the message already.
    CHECK(drop_notes_the_message_says(
              {with_note(
                  "overload resolution selected deleted operator '->': `Mutex` data is only reachable through lock()")},
              {})
              .at(0)
              .notes.empty());
    // Clang 14: the echoed line is the only place that says it.
    CHECK(drop_notes_the_message_says({with_note("overload resolution selected deleted operator '->'")}, {})
              .at(0)
              .notes.size() == 1);
}

// Found by tests/fuzz/fuzz_diagnostics: a "declared here" note whose echoed
// line is only blanks survived the first pass (tested before trimming) and
// was dropped by the second.
TEST_CASE("normalize: normalizing twice gives what normalizing once gives (fuzz regression)", "[harness][normalize]") {
    const auto raw = fixtures::read(std::filesystem::path(FEARLESS_HARNESS_FIXTURES) / ".." / ".." / "fuzz" /
                                    "regressions" / "fuzz_diagnostics" / "blank-echo-of-declared-here.stderr");
    REQUIRE_FALSE(raw.empty());
    const NormalizeContext ctx{"/proj"};
    const auto once = normalize(attribute(parse_diagnostics(raw), "cases/t/x.cpp", "/proj"), ctx);
    const auto twice = normalize(once, ctx);
    const std::vector<std::string> lines = {"#include <x.hpp>", "int main() {", "    f(1);", "}"};
    CHECK(render_snapshot(once, lines) == render_snapshot(twice, lines));
    // The plain case too: a note whose echo is blank is dropped in the first pass.
    Finding f;
    f.message = "use of deleted function";
    Diagnostic note;
    note.message = "declared here";
    note.at.file = "include/lib/lib.hpp";
    note.source_line = "   ";
    f.notes.push_back(note);
    CHECK(normalize({f}, ctx).front().notes.empty());
}
