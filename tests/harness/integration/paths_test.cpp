// Names that mean the same everywhere: a suite given only by absolute paths,
// run from a folder that has nothing to do with it, is blessed with snapshots
// that name cases relative to the cases folder's parent and headers relative
// to their -I folder; moved elsewhere and run from yet another folder, through
// a symlink and a `..`, it passes with the same bytes.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "integration/tool.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::files_under;
using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;

const std::filesystem::path project = FEARLESS_PROJECT_ROOT;

using integration::run_tool;

// The suite at `suite`, every path absolute, the fearless headers from this repository.
std::vector<std::string> suite_args(const std::filesystem::path& suite, std::vector<std::string> more) {
    std::vector<std::string> args = {"--compiler", "g++",
                                     "--compiler", "clang++",
                                     "--cases",    (suite / "cases").string(),
                                     "--expected", (suite / "expected").string(),
                                     "-I",         (suite / "include").string(),
                                     "-I",         (project / "include").string()};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

}  // namespace

TEST_CASE("integration: a suite blessed by absolute paths passes byte-identical after a move",
          "[harness][integration][paths]") {
    TempDir dir("fearless-check-paths");
    const auto first = dir.path / "a" / "suite";
    std::filesystem::create_directories(first.parent_path());
    std::filesystem::copy(fixtures::dir() / "suites" / "paths", first, std::filesystem::copy_options::recursive);
    std::filesystem::create_directories(dir.path / "unrelated");
    std::filesystem::create_directories(dir.path / "other" / "deeper");

    auto blessed = run_tool(dir.path / "unrelated", suite_args(first, {"--bless"}));
    INFO(blessed.out << blessed.err);
    REQUIRE(blessed.exit_code == 0);
    CHECK(has_line(blessed.out, R"(PASS  cases/locks/copy-mutex.cpp  \[gcc-\d+\].*)"));
    CHECK(has_line(blessed.out, "blessed expected/own/prints.stdout"));
    const auto snapshots = files_under(first / "expected");
    REQUIRE(snapshots.size() == 5);  // copy-mutex and copy-handle per family, prints.stdout
    for (const auto& [name, text] : snapshots) {
        INFO(name << ":\n" << text);
        CHECK(text.find(dir.path.string()) == std::string::npos);
        CHECK(text.find(project.string()) == std::string::npos);
    }
    // The deleted copy's reason reaches GCC 12 only through the note on fearless's own header.
    CHECK(snapshots.at("locks/copy-mutex.gcc.stderr").find("::: fearless/mutex.hpp\n") != std::string::npos);
    CHECK(snapshots.at("locks/copy-mutex.gcc.stderr").find("Mutex cannot be copied") != std::string::npos);
    CHECK(snapshots.at("own/copy-handle.gcc.stderr").find("--> cases/own/copy-handle.cpp:7:5") != std::string::npos);
    CHECK(snapshots.at("own/copy-handle.gcc.stderr").find("::: include/mini/handle.hpp\n") != std::string::npos);

    // Moved, and named through a symlink and a `..` from a third folder.
    const auto moved = dir.path / "b" / "moved";
    std::filesystem::create_directories(moved.parent_path());
    std::filesystem::rename(first, moved);
    std::filesystem::create_directory_symlink(dir.path / "b", dir.path / "link");
    const auto spelled = dir.path / "link" / "moved" / ".." / "moved";
    auto again = run_tool(dir.path / "other" / "deeper", suite_args(spelled, {"--junit", "r.xml"}));
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK(last_line(again.out) == "6 passed, 0 failed");
    CHECK(files_under(moved / "expected") == snapshots);
    auto junit = read_file(dir.path / "other" / "deeper" / "r.xml");
    REQUIRE(junit);
    CHECK(junit->find("classname=\"cases/own/prints.cpp\"") != std::string::npos);
    CHECK(junit->find(dir.path.string()) == std::string::npos);

    // With --root at the suite, its cases are named from it: the same names.
    auto rooted = run_tool(dir.path / "other", suite_args(moved, {"--root", moved.string()}));
    INFO(rooted.out << rooted.err);
    CHECK(rooted.exit_code == 0);
    CHECK(has_line(rooted.out, R"(PASS  cases/own/copy-handle.cpp  \[clang-\d+\].*)"));
}
