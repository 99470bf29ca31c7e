#include <catch2/catch.hpp>

#include <unistd.h>

#include <map>

#include "case/discover.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {
struct TempTree {
    // Unique per tree: ctest runs the test cases of this file in parallel processes.
    std::filesystem::path root =
        std::filesystem::temp_directory_path() /
        ("fearless-check-discover-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
    static inline int count = 0;
    TempTree() {
        std::filesystem::remove_all(root);
        for (auto f : {"cases/a/one.cpp", "cases/a/two.cpp", "cases/b/three.cpp", "cases/b/notes.txt",
                       "expected/a/one.stderr", "expected/a/one.clang-14.stderr", "expected/a/gone.gcc.stderr",
                       "expected/b/three.stdout", "expected/README.md"})
            write_file(root / f, "x");
    }
    ~TempTree() { std::filesystem::remove_all(root); }
};
}  // namespace

TEST_CASE("discover: every case by default, sorted and relative", "[harness][discover]") {
    TempTree t;
    auto d = discover_cases(t.root, "cases", {}, "");
    CHECK(d.problems.empty());
    CHECK(d.files == std::vector<std::filesystem::path>{"cases/a/one.cpp", "cases/a/two.cpp", "cases/b/three.cpp"});
}

TEST_CASE("discover: paths, filter, and a path that matches nothing", "[harness][discover]") {
    TempTree t;
    auto d = discover_cases(t.root, "cases", {"cases/b", "cases/a/two.cpp", "cases/a/two.cpp", "cases/nope.cpp"}, "");
    CHECK(d.files == std::vector<std::filesystem::path>{"cases/a/two.cpp", "cases/b/three.cpp"});
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].path == "cases/nope.cpp");
    CHECK(d.problems[0].message.rfind("no case matches it", 0) == 0);
    CHECK(discover_cases(t.root, "cases", {}, "two").files == std::vector<std::filesystem::path>{"cases/a/two.cpp"});
    CHECK(discover_cases(t.root, "missing", {}, "").problems.size() == 1);
}

TEST_CASE("discover: case ids and stale expected files", "[harness][discover]") {
    TempTree t;
    CHECK(case_id(t.root, "cases", "cases/a/one.cpp") == "a/one");
    CHECK(case_id(t.root, "cases", "elsewhere/x.cpp") == "elsewhere/x");
    auto stale = find_stale_expected(t.root, "expected", "cases");
    CHECK(stale == std::vector<std::filesystem::path>{"expected/a/gone.gcc.stderr"});
}

TEST_CASE("discover: a symlink loop or a dangling symlink is named, the rest is found", "[harness][discover][hostile]") {
    TempTree t;
    std::filesystem::create_directory_symlink("..", t.root / "cases" / "a" / "loop");
    std::filesystem::create_symlink("nowhere.cpp", t.root / "cases" / "b" / "dangling.cpp");
    std::filesystem::create_symlink("self.cpp", t.root / "cases" / "b" / "self.cpp");
    auto d = discover_cases(t.root, "cases", {}, "");
    CHECK(d.files == std::vector<std::filesystem::path>{"cases/a/one.cpp", "cases/a/two.cpp", "cases/b/three.cpp"});
    REQUIRE(d.problems.size() == 3);
    std::map<std::string, std::string> by_path;
    for (const auto& p : d.problems) by_path[p.path] = p.message;
    CHECK(by_path["cases/a/loop"].starts_with("a symlink loop (it points back to"));
    CHECK(by_path["cases/b/dangling.cpp"].starts_with("a symlink that leads nowhere"));
    CHECK(by_path["cases/b/self.cpp"].starts_with("a symlink that leads nowhere"));
}
