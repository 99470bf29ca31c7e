#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "util/file.hpp"
#include "util/path.hpp"

using namespace fearless::check;

TEST_CASE("path: a file under the root is named relative to it, in any spelling", "[harness][path]") {
    CHECK(relative_to_root("/proj", "/proj/cases/a.cpp") == "cases/a.cpp");
    CHECK(relative_to_root("/proj", "cases/../cases/a.cpp") == "cases/a.cpp");
    CHECK(relative_to_root("/proj", "/proj/x/../cases/a.cpp") == "cases/a.cpp");
    CHECK(relative_to_root("/proj", "/elsewhere/a.cpp") == "/elsewhere/a.cpp");
    CHECK(relative_to_root("/proj", "../proj2/a.cpp") == "/proj2/a.cpp");
}

TEST_CASE("path: outside the root, the first other folder that holds it names it", "[harness][path]") {
    const std::vector<std::filesystem::path> others = {"/suite", "/opt/pkg/include"};
    CHECK(shown_path("/work", others, "/suite/cases/t/x.cpp") == "cases/t/x.cpp");
    CHECK(shown_path("/work", others, "/opt/pkg/include/fearless/mutex.hpp") == "fearless/mutex.hpp");
    CHECK(shown_path("/work", others, "/work/include/fearless/mutex.hpp") == "include/fearless/mutex.hpp");
    CHECK(shown_path("/work", others, "/usr/include/c++/12/vector") == "/usr/include/c++/12/vector");
    // The root wins over any other folder, and an earlier folder over a later one.
    CHECK(shown_path("/suite/cases", others, "/suite/cases/x.cpp") == "x.cpp");
    CHECK(shown_path("/w", {"/opt", "/opt/pkg/include"}, "/opt/pkg/include/a.hpp") == "pkg/include/a.hpp");
}

TEST_CASE("path: a symlinked spelling names the same file", "[harness][path]") {
    fixtures::TempDir dir("fearless-path-test");
    write_file(dir.path / "real" / "cases" / "a.cpp", "");
    std::filesystem::create_directory_symlink(dir.path / "real", dir.path / "link");
    CHECK(relative_to_root(dir.path / "real", dir.path / "link" / "cases" / "a.cpp") == "cases/a.cpp");
    CHECK(relative_to_root(dir.path / "link", dir.path / "real" / "cases" / "a.cpp") == "cases/a.cpp");
    CHECK(shown_path("/nowhere", {dir.path / "link"}, dir.path / "real" / "cases" / "a.cpp") == "cases/a.cpp");
    CHECK(canonical_path(dir.path / "link" / "cases" / ".." / "cases") == canonical_path(dir.path / "real" / "cases"));
}
