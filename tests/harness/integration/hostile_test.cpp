// The built tool on hostile trees: an expected path that is a folder or a
// dangling symlink, a symlink loop among the cases, two cases with one id, a
// damaged or unwritable cache, --bless into a read-only expected folder. Each
// is a clear failure naming the path (or one warning), and the rest of the
// suite still runs with the right verdicts.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "fixtures.hpp"
#include "integration/tool.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::count_of;
using fixtures::files_under;
using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;

const std::filesystem::path tool = FEARLESS_CHECK_EXE;

using integration::run_tool;

const std::string compile_fail = "//@ compile-fail\nint main() { return missing(); } //~ ERROR missing\n";

// One good case, and one bad thing of each kind.
std::filesystem::path hostile_suite(const std::filesystem::path& dir) {
    auto suite = dir / "suite";
    write_file(suite / "cases" / "a" / "ok.cpp", "//@ compile-pass\nint main() {}\n");
    write_file(suite / "cases" / "a" / "folder.cpp", compile_fail);
    std::filesystem::create_directories(suite / "expected" / "a" / "folder.stderr");
    write_file(suite / "cases" / "a" / "dangling.cpp", compile_fail);
    std::filesystem::create_symlink("nowhere.stderr", suite / "expected" / "a" / "dangling.stderr");
    std::filesystem::create_directory_symlink("..", suite / "cases" / "a" / "loop");
    // Outside the cases folder its id is its path from the root: a/ok, as cases/a/ok.cpp's.
    write_file(suite / "a" / "ok.cpp", "//@ compile-pass\nint main() {}\n");
    return suite;
}

void check_hostile_verdicts(const ProcessResult& r) {
    INFO(r.out << r.err);
    REQUIRE(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out, R"(PASS  a/ok.cpp  \[gcc-\d+\])"));
    CHECK(has_line(r.out, R"(FAIL  cases/a/folder.cpp  \[gcc-\d+\]  cannot use the expected file: expected/a/folder.stderr is a folder, not a file)"));
    CHECK(has_line(r.out, R"(FAIL  cases/a/dangling.cpp  \[gcc-\d+\]  cannot use the expected file: expected/a/dangling.stderr is a dangling symlink)"));
    CHECK(has_line(r.out, R"(FAIL  cases/a/loop  \[-\]  a symlink loop \(it points back to .*\); not followed)"));
    CHECK(has_line(r.out, R"(FAIL  cases/a/ok.cpp  \[-\]  malformed case: cases/a/ok.cpp: its id 'a/ok' is also the id of a/ok.cpp, and both would use expected/a/ok.\*; rename one)"));
    CHECK(last_line(r.out) == "1 passed, 4 failed");
}

}  // namespace

TEST_CASE("hostile: bad expected paths, a symlink loop and an id collision fail by name, the rest runs",
          "[harness][integration][hostile]") {
    TempDir dir("fearless-check-hostile");
    auto suite = hostile_suite(dir.path);
    auto cache = dir.path / "cache";
    const std::vector<std::string> args = {"--compiler", "g++", "cases", "a/ok.cpp"};
    auto cold = run_tool(suite, args, cache);
    check_hostile_verdicts(cold);
    CHECK(cold.err.find("warning") == std::string::npos);

    SECTION("damaged cache entries: ignored with one warning, the same verdicts") {
        std::size_t damaged = 0;
        for (const auto& [path, text] : files_under(cache / "fearless-check" / "results")) {
            write_file(cache / "fearless-check" / "results" / path, text.substr(0, text.size() / 3));
            ++damaged;
        }
        REQUIRE(damaged > 0);
        auto warm = run_tool(suite, args, cache);
        check_hostile_verdicts(warm);
        CHECK(count_of(warm.err, "warning") == 1);
        CHECK(has_line(warm.err, "fearless-check: warning: " + std::to_string(damaged) +
                                     R"( damaged cache entr(y|ies) under .* ignored \(rebuilt\))"));
        auto again = run_tool(suite, args, cache);  // rebuilt: no warning the next time
        check_hostile_verdicts(again);
        CHECK(again.err.find("warning") == std::string::npos);
    }
    SECTION("a cache that cannot be written: the run goes on without it and says so once") {
        write_file(dir.path / "not-a-folder", "x");
        auto r = run_tool(suite, args, dir.path / "not-a-folder");
        check_hostile_verdicts(r);
        CHECK(count_of(r.err, "warning") == 1);
        CHECK(has_line(r.err, R"(fearless-check: warning: the cache cannot be written \(cannot create the folder .*not-a-folder/fearless-check: Not a directory\); running without it)"));
    }
}

TEST_CASE("hostile: --bless that cannot write fails and names the file, never exit 0",
          "[harness][integration][hostile]") {
    TempDir dir("fearless-check-hostile-bless");
    auto suite = dir.path / "suite";
    write_file(suite / "cases" / "t" / "x.cpp", compile_fail);
    write_file(suite / "cases" / "t" / "y.cpp", compile_fail);
    std::filesystem::create_directories(suite / "expected" / "t");
    // Where mount is allowed, a read-only expected folder; everywhere, a folder in the file's place.
    const auto mount = "mount -t tmpfs -o ro,size=64k tmpfs '" + (suite / "expected" / "t").string() + "' 2>/dev/null";
    const bool read_only = std::system(mount.c_str()) == 0;
    struct Unmount {
        std::string cmd;
        ~Unmount() {
            if (!cmd.empty()) (void)std::system(cmd.c_str());
        }
    } unmount{read_only ? "umount '" + (suite / "expected" / "t").string() + "'" : ""};
    if (!read_only) {
        WARN("cannot mount a read-only tmpfs here: only the folder-in-the-way case is exercised");
        std::filesystem::create_directories(suite / "expected" / "t" / "x.stderr" / "in-the-way");
        std::filesystem::create_directories(suite / "expected" / "t" / "y.stderr" / "in-the-way");
    }
    auto r = run_tool(suite, {"--compiler", "g++", "--bless", "--no-cache"}, dir.path / "cache");
    INFO(r.out << r.err);
    REQUIRE(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 1);
    if (read_only) {
        CHECK(has_line(r.out, R"(FAIL  cases/t/x.cpp  \[-\]  cannot write .*expected/t/x.stderr.*)"));
        CHECK(has_line(r.out, R"(FAIL  cases/t/y.cpp  \[-\]  cannot write .*expected/t/y.stderr.*)"));
    } else {
        CHECK(has_line(r.out, R"(FAIL  cases/t/x.cpp  \[gcc-\d+\]  cannot use the expected file: expected/t/x.stderr is a folder, not a file)"));
    }
    CHECK(r.out.find("blessed expected/t/x.stderr") == std::string::npos);
    CHECK(files_under(suite / "expected").empty());  // nothing written, not even half
}
