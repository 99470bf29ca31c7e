// Access to the captured compiler outputs under fixtures/diagnostics.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fixtures {

inline std::filesystem::path dir() { return FEARLESS_HARNESS_FIXTURES; }
inline std::filesystem::path diagnostics() { return dir() / "diagnostics"; }
// The snippets were compiled from here, with relative paths, so the outputs hold no machine's paths.
inline std::filesystem::path sources() { return diagnostics() / "src"; }

// Every compiler the diagnostics were captured with: g++ 12, clang++ 14, 19, 22.
inline const std::vector<std::string>& labels() {
    static const std::vector<std::string> l = {"gcc-12", "clang-14", "clang-19", "clang-22"};
    return l;
}

std::string read(const std::filesystem::path& p);
std::string raw(const std::string& snippet, const std::string& label);  // <snippet>.<label>.stderr

}  // namespace fixtures
