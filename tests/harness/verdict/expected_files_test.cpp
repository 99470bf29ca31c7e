#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "util/file.hpp"
#include "verdict/expected_files.hpp"

using namespace fearless::check;

namespace {
Compiler compiler(Family f, int major) {
    Compiler c;
    c.family = f;
    c.major = major;
    c.command = family_name(f) == std::string_view("gcc") ? "g++" : "clang++";
    return c;
}
bool writes(const BlessPlan& p, const std::string& file, const std::string& text) {
    return std::any_of(p.writes.begin(), p.writes.end(),
                       [&](const auto& w) { return w.first == file && w.second == text; });
}
bool removes(const BlessPlan& p, const std::string& file) {
    return std::find(p.removals.begin(), p.removals.end(), std::filesystem::path(file)) != p.removals.end();
}
const Compiler gcc12 = compiler(Family::gcc, 12), clang14 = compiler(Family::clang, 14),
               clang19 = compiler(Family::clang, 19), clang22 = compiler(Family::clang, 22);
}  // namespace

TEST_CASE("snapshot: the most specific expected file wins", "[harness][snapshot]") {
    auto c = expected_candidates("expected", "send/rc", "stderr", clang14);
    REQUIRE(c.size() == 3);
    CHECK(c[0] == "expected/send/rc.clang-14.stderr");
    CHECK(c[1] == "expected/send/rc.clang.stderr");
    CHECK(c[2] == "expected/send/rc.stderr");
}

TEST_CASE("snapshot: bless writes the least specific file true for every compiler", "[harness][snapshot]") {
    SECTION("all agree: one shared file, specific ones removed") {
        auto p = plan_bless("e", "t/x", "stderr", {{&gcc12, "A"}, {&clang14, "A"}, {&clang19, "A"}});
        REQUIRE(p.writes.size() == 1);
        CHECK(writes(p, "e/t/x.stderr", "A"));
        CHECK(removes(p, "e/t/x.gcc.stderr"));
        CHECK(removes(p, "e/t/x.clang.stderr"));
        CHECK(removes(p, "e/t/x.clang-14.stderr"));
    }
    SECTION("families differ: one file per family, the shared one removed") {
        auto p = plan_bless("e", "t/x", "stderr", {{&gcc12, "G"}, {&clang14, "C"}, {&clang22, "C"}});
        REQUIRE(p.writes.size() == 2);
        CHECK(writes(p, "e/t/x.gcc.stderr", "G"));
        CHECK(writes(p, "e/t/x.clang.stderr", "C"));
        CHECK(removes(p, "e/t/x.stderr"));
        CHECK(removes(p, "e/t/x.clang-22.stderr"));
    }
    SECTION("a family disagrees with itself: the odd version out gets its own file") {
        auto p =
            plan_bless("e", "t/x", "stderr", {{&gcc12, "G"}, {&clang14, "old"}, {&clang19, "new"}, {&clang22, "new"}});
        REQUIRE(p.writes.size() == 3);
        CHECK(writes(p, "e/t/x.gcc.stderr", "G"));
        CHECK(writes(p, "e/t/x.clang.stderr", "new"));
        CHECK(writes(p, "e/t/x.clang-14.stderr", "old"));
        CHECK(removes(p, "e/t/x.clang-19.stderr"));
        CHECK(removes(p, "e/t/x.clang-22.stderr"));
    }
    SECTION("families agree but one version differs: a shared file and that version's own") {
        auto p = plan_bless("e", "t/x", "stderr", {{&gcc12, "A"}, {&clang14, "A"}, {&clang19, "A"}, {&clang22, "B"}});
        REQUIRE(p.writes.size() == 2);
        CHECK(writes(p, "e/t/x.stderr", "A"));
        CHECK(writes(p, "e/t/x.clang-22.stderr", "B"));
        CHECK(removes(p, "e/t/x.gcc.stderr"));
        CHECK(removes(p, "e/t/x.clang.stderr"));
        CHECK(removes(p, "e/t/x.clang-14.stderr"));
    }
    SECTION("a tie goes to the newest version") {
        auto p = plan_bless("e", "t/x", "stderr", {{&clang14, "old"}, {&clang22, "new"}});
        CHECK(writes(p, "e/t/x.clang.stderr", "new"));
        CHECK(writes(p, "e/t/x.clang-14.stderr", "old"));
        CHECK(removes(p, "e/t/x.clang-22.stderr"));
    }
    SECTION("one family ran: its files only; the other family's are left alone") {
        auto p = plan_bless("e", "t/x", "stderr", {{&clang14, "C"}, {&clang19, "D"}});
        CHECK_FALSE(removes(p, "e/t/x.gcc.stderr"));
        CHECK_FALSE(removes(p, "e/t/x.stderr"));
    }
    CHECK(plan_bless("e", "t/x", "stderr", {}).writes.empty());
}

TEST_CASE("snapshot: write, read, apply", "[harness][snapshot]") {
    auto dir = std::filesystem::temp_directory_path() / ("fearless-check-snapshot-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    REQUIRE(write_file(dir / "t" / "x.clang.stderr", "old"));
    BlessPlan plan;
    plan.writes.emplace_back(dir / "t" / "x.stderr", "new\n");
    plan.removals.push_back(dir / "t" / "x.clang.stderr");
    CHECK(apply_bless(plan).empty());
    CHECK(read_file(dir / "t" / "x.stderr") == std::optional<std::string>("new\n"));
    CHECK_FALSE(read_file(dir / "t" / "x.clang.stderr"));
    auto loaded = load_expected(dir, "t/x", "stderr", clang14);
    CHECK(loaded.path == dir / "t" / "x.stderr");
    CHECK(loaded.text == std::optional<std::string>("new\n"));
    auto missing = load_expected(dir, "t/none", "stderr", clang14);
    CHECK_FALSE(missing.text);
    CHECK(missing.path == dir / "t" / "none.stderr");  // the one --bless would write
    std::filesystem::remove_all(dir);
}

TEST_CASE("snapshot: an expected path that is a folder or a dangling symlink is a problem, not missing",
          "[harness][snapshot][hostile]") {
    auto dir = std::filesystem::temp_directory_path() / ("fearless-check-hostile-expected-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "t" / "x.stderr");  // a folder where the file should be
    REQUIRE(write_file(dir / "t" / "x.stdout", "fallback"));
    std::filesystem::create_symlink("gone.stdout", dir / "t" / "x.gcc.stdout");
    auto err = load_expected(dir, "t/x", "stderr", gcc12);
    CHECK_FALSE(err.text);
    CHECK(err.problem == (dir / "t" / "x.stderr").string() + " is a folder, not a file");
    // The broken family file must not let the shared one stand in for it.
    auto out = load_expected(dir, "t/x", "stdout", gcc12);
    CHECK_FALSE(out.text);
    CHECK(out.problem == (dir / "t" / "x.gcc.stdout").string() + " is a dangling symlink");
    CHECK(load_expected(dir, "t/x", "stdout", clang14).text == std::optional<std::string>("fallback"));
    std::string why;
    CHECK_FALSE(read_file(dir / "t" / "x.stderr", &why));
    CHECK(why.ends_with("is a folder, not a file"));
    // Blessing over the folder fails, says so, and does not claim the write.
    BlessPlan plan;
    plan.writes.emplace_back(dir / "t" / "x.stderr", "text\n");
    std::filesystem::create_directories(dir / "t" / "x.stderr" / "inside");
    auto errors = apply_bless(plan);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("x.stderr") != std::string::npos);
    CHECK(plan.writes.empty());
    std::filesystem::remove_all(dir);
}

TEST_CASE("snapshot: a FIFO is never opened (a read would block)", "[harness][snapshot][hostile]") {
    auto fifo = std::filesystem::temp_directory_path() / ("fearless-check-fifo-" + std::to_string(::getpid()));
    std::filesystem::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string why;
    CHECK_FALSE(read_file(fifo, &why));
    CHECK(why.ends_with("is not a regular file"));
    std::filesystem::remove(fifo);
}
