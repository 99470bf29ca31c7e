// The optional project config file, `fearless-check.json` in the project root,
// so that any library can point the tool at its own layout:
//
//     { "cases": "tests/compile", "expected": "tests/expected",
//       "compilers": ["g++", "clang++"], "include": ["include", "third_party"],
//       "flags": ["-DMYLIB_CHECKS"], "timeout": 60, "jobs": 4, "clang_tidy": "clang-tidy-19",
//       "cache_dir": ".cache/fearless-check", "pch": "mylib.hpp", "std": "c++17",
//       "launcher": "ccache", "root": ".." }
//
// Every key is optional; command-line options override it.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fearless::check {

struct Config {
    std::optional<std::string> cases, expected, clang_tidy, cache_dir, pch, std_version, root;
    std::optional<std::vector<std::string>> compilers, include, flags;
    std::optional<std::vector<std::string>> launcher;  // "ccache" or ["env", "DISTCC_HOSTS=...", "distcc"]
    std::optional<double> timeout;
    std::optional<unsigned> jobs;
};

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws ConfigError naming the problem (bad JSON, unknown key, wrong type).
Config parse_config(std::string_view json_text, const std::string& file_name);

inline constexpr std::string_view config_file_name = "fearless-check.json";

}  // namespace fearless::check
