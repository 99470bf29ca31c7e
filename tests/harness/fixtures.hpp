// Test support: the captured compiler outputs under fixtures/diagnostics, and
// scratch directories for the tests that run the built tool.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fixtures {

inline std::filesystem::path dir() {
    return FEARLESS_HARNESS_FIXTURES;
}
inline std::filesystem::path diagnostics() {
    return dir() / "diagnostics";
}
// The snippets were compiled from here, with relative paths, so the outputs hold no machine's paths.
inline std::filesystem::path sources() {
    return diagnostics() / "src";
}

// Every compiler the diagnostics were captured with: g++ 12, clang++ 14, 19, 22.
inline const std::vector<std::string>& labels() {
    static const std::vector<std::string> l = {"gcc-12", "clang-14", "clang-19", "clang-22"};
    return l;
}

std::string read(const std::filesystem::path& p);
std::string raw(const std::string& snippet, const std::string& label);  // <snippet>.<label>.stderr

// A fresh directory under the system temp dir, per process (ctest -j runs
// test processes side by side), removed with everything in it at scope end.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

// Every regular file below dir (relative path -> content); empty if dir is missing.
std::map<std::string, std::string> files_under(const std::filesystem::path& dir);

// Reading the built tool's console output: a whole line matching a regex, the
// last line (the summary), how often a text occurs.
bool has_line(const std::string& out, const std::string& pattern);
std::string last_line(const std::string& out);
std::size_t count_of(const std::string& out, const std::string& text);

}  // namespace fixtures
