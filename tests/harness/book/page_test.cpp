// The book's page model without a browser: rules → chapters, snapshot
// grouping, the fix as a diff, rustc's listing, and the terminal page.
#include <catch2/catch.hpp>

#include "book/explain.hpp"
#include "book/html.hpp"
#include "book/page.hpp"
#include "book/snapshots.hpp"
#include "fixtures.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

using namespace fearless::check;

namespace {

Case parsed(const std::string& text, const std::string& id = "topic/name") {
    Case identity;
    identity.id = id;
    identity.file = "cases/" + id + ".cpp";
    identity.display = identity.file.generic_string();
    return parse_case(text, identity);
}

const char* const not_send = R"(//@ compile-fail
//@ mirrors: Listing 16-14
// Rc's count is not atomic.
//
// Use Arc.
#include <lib.hpp>
int main() {
    spawn(rc); //~ ERROR cannot be sent between threads safely
}
)";

const char* const not_send_fixed = R"(//@ run-pass
// Rc's count is not atomic.
#include <lib.hpp>
int main() {
    spawn(arc);
}
)";

void put(const std::filesystem::path& p, const std::string& text) {
    REQUIRE(write_file(p, text));
}

std::vector<std::string> labels(const std::vector<SnapshotGroup>& groups) {
    std::vector<std::string> out;
    for (const auto& g : groups) out.push_back(g.label());
    return out;
}

}  // namespace

TEST_CASE("book: a case's chapter is the rule its annotation names", "[harness][book]") {
    CHECK(rule_of(parsed(not_send)).slug == "not-send");
    CHECK(rule_of(parsed("//@ compile-fail\nint main() { f(); } //~ ERROR cannot be moved\n")).slug ==
          "cannot-be-copied");
    CHECK(rule_of(parsed("//@ compile-fail\nint main() { f(); } //~ ERROR something else\n")).slug == "other");
    CHECK(rule_of(parsed("//@ run-pass\nint main() {}\n")).slug == "valid");
}

TEST_CASE("book: the teaching comment is prose, the code keeps its line numbers", "[harness][book]") {
    auto c = parsed(not_send);
    CHECK(teaching_prose(c) == std::vector<std::string>{"Rc's count is not atomic.", "Use Arc."});
    auto code = code_lines(c);
    REQUIRE(code.size() == 4);
    CHECK(code.front().number == 6);
    CHECK(code.front().text == "#include <lib.hpp>");
    CHECK(code[2].number == 8);
    CHECK(code[2].text == "    spawn(rc);");
    CHECK(code[2].notes == std::vector<std::string>{"cannot be sent between threads safely"});
    CHECK(code[1].notes.empty());
    CHECK(listing_key(c.mirrors) == "16-14");
    CHECK(listing_key("Listing 16-1") == "16-01");
    CHECK(listing_key("the Arc chapter") == "");
}

TEST_CASE("book: one snapshot group per distinct text, labelled with the compilers it holds for", "[harness][book]") {
    fixtures::TempDir tmp("fearless-book-snapshots");
    auto e = tmp.path / "expected";
    auto c = parsed(not_send);

    SECTION("none blessed: no group") {
        CHECK(group_snapshots(e, c).empty());
    }
    SECTION("one file for all") {
        put(e / "topic/name.stderr", "all\n");
        auto g = group_snapshots(e, c);
        CHECK(labels(g) == std::vector<std::string>{"gcc, clang"});
        CHECK(g[0].text == "all\n");
    }
    SECTION("a version of its own") {
        put(e / "topic/name.stderr", "all\n");
        put(e / "topic/name.clang-22.stderr", "22\n");
        auto g = group_snapshots(e, c);
        CHECK(labels(g) == std::vector<std::string>{"gcc, clang except 22", "clang 22"});
        REQUIRE(g.size() == 2);
        CHECK(g[1].files == std::vector<std::filesystem::path>{e / "topic/name.clang-22.stderr"});
    }
    SECTION("per family, and a family's two versions") {
        put(e / "topic/name.gcc.stderr", "gcc\n");
        put(e / "topic/name.clang.stderr", "clang\n");
        put(e / "topic/name.clang-14.stderr", "old\n");
        put(e / "topic/name.clang-19.stderr", "old\n");
        CHECK(labels(group_snapshots(e, c)) ==
              std::vector<std::string>{"gcc", "clang 14 and 19", "clang except 14 and 19"});
    }
    SECTION("files that say the same are one group") {
        put(e / "topic/name.gcc.stderr", "same\n");
        put(e / "topic/name.clang.stderr", "same\n");
        auto g = group_snapshots(e, c);
        CHECK(labels(g) == std::vector<std::string>{"gcc, clang"});
        REQUIRE(g.size() == 1);
        CHECK(g[0].files.size() == 2);
    }
    SECTION("only: clang leaves gcc out") {
        put(e / "topic/name.stderr", "all\n");
        auto clang_only = parsed(std::string("//@ only: clang\n") + not_send);
        CHECK(labels(group_snapshots(e, clang_only)) == std::vector<std::string>{"clang"});
    }
}

TEST_CASE("book: chapters hold listings first, each mistake followed by its fix", "[harness][book]") {
    fixtures::TempDir tmp("fearless-book-suite");
    auto root = tmp.path;
    put(root / "cases/topic/a-plain.cpp",
        "//@ compile-fail\n// Plain.\nint main() { f(); } //~ ERROR cannot be sent between threads safely\n");
    put(root / "cases/topic/name.cpp", not_send);
    put(root / "cases/topic/name-fixed.cpp", not_send_fixed);
    put(root / "cases/topic/runs.cpp", "//@ run-pass\n// Runs.\nint main() {}\n");  // no .stdout: prints nothing
    put(root / "cases/topic/broken.cpp", "//@ compile-fail\nint main() {}\n");
    put(root / "expected/topic/name.stderr", "error: not Send\n");
    put(root / "expected/topic/name-fixed.stdout", "ok\n");
    put(root / "rust/16-14.rs", "fn main() {}\n");
    put(root / "rust/16-14.stderr", "rustc 1.95.0 (x)\nerror[E0277]: not Send\n");

    auto book = build_book({root, "cases", "expected", "rust", {}, ""});
    REQUIRE(book.problems.size() == 1);
    CHECK(book.problems[0].find("cases/topic/broken.cpp:1:") == 0);
    REQUIRE(book.pages.size() == 4);
    REQUIRE(book.chapters.size() == 2);

    const auto& sent = book.chapters[0];
    CHECK(sent.rule->slug == "not-send");
    std::vector<std::string> order;
    for (auto i : sent.pages) order.push_back(book.pages[i].c.id);
    CHECK(order == std::vector<std::string>{"topic/name", "topic/name-fixed", "topic/a-plain"});
    CHECK(sent.mistakes == 2);
    CHECK(book.chapters[1].rule->slug == "valid");
    CHECK(book.chapters[1].pages.size() == 1);
    CHECK(book.find("topic/runs")->expected_stdout == std::optional<std::string>(""));
    CHECK_FALSE(book.find("topic/name")->expected_stdout);

    const Page* p = book.find("topic/name");
    REQUIRE(p);
    CHECK(p->fixed == "topic/name-fixed");
    CHECK(book.find("topic/name-fixed")->mistake == "topic/name");
    CHECK(fixtures::has_line(p->fix_diff, R"(-    spawn\(rc\);)"));
    CHECK(fixtures::has_line(p->fix_diff, R"(\+    spawn\(arc\);)"));
    CHECK(fixtures::has_line(p->fix_diff, R"(\+\+\+ cases/topic/name-fixed\.cpp)"));
    CHECK(p->fixed_stdout == std::optional<std::string>("ok\n"));
    REQUIRE(p->rust);
    CHECK(p->rust->version == "rustc 1.95.0 (x)");
    CHECK(p->rust->stderr == "error[E0277]: not Send\n");
    CHECK_FALSE(book.find("topic/a-plain")->rust);
    CHECK(find_page(book, "cases/topic/name.cpp") == p);
    CHECK(find_page(book, "name") == p);
    CHECK(find_page(book, "nope") == nullptr);

    SECTION("an outside suite has no rustc column") {
        auto plain = build_book({root, "cases", "expected", "", {}, ""});
        CHECK_FALSE(plain.find("topic/name")->rust);
    }
    SECTION("the page in HTML: the annotated line marked, its note beside it, every snapshot") {
        auto html = page_html(book, *p);
        CHECK(html.find("<span class=\"line hl\"><span class=\"ln\">8</span>    spawn(rc);<span class=\"note\">ERROR "
                        "cannot be sent between threads safely</span>") != std::string::npos);
        CHECK(html.find("<pre class=\"snapshot\"><span class=\"err\">error: not Send</span>") != std::string::npos);
        CHECK(html.find("href=\"../../cases/topic/name-fixed.html\"") != std::string::npos);
        CHECK(html.find("http") == std::string::npos);
        auto index = index_html(book);
        for (const auto& page : book.pages) CHECK(fixtures::count_of(index, "href=\"" + page_path(page) + "\"") == 1);
    }
    SECTION("the page in the terminal: no colour unless asked, prose within 80 columns") {
        auto plain = explain_page(*p, false);
        CHECK(plain.find('\x1b') == std::string::npos);
        CHECK(fixtures::has_line(plain, R"(>   8 \|     spawn\(rc\);)"));
        CHECK(fixtures::has_line(plain, R"( +\^ ERROR cannot be sent between threads safely)"));
        CHECK(fixtures::has_line(plain, R"(── gcc, clang)"));
        CHECK(fixtures::has_line(plain, R"(\+    spawn\(arc\);)"));
        CHECK(explain_page(*p, true).find("\x1b[") != std::string::npos);
        // The teaching text is wrapped to the width; "Rc's count is not atomic." in 16 columns:
        auto narrow = explain_page(*p, false, 16);
        CHECK(fixtures::has_line(narrow, "  Rc's count is"));
        CHECK(fixtures::has_line(narrow, "  not atomic."));
    }
}
