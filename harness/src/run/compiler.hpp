// Which compilers to run, and what each one is (family and major version).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "case/case.hpp"
#include "run/process/process.hpp"

namespace fearless::check {

enum class Family { gcc, clang, unknown };

struct Compiler {
    std::string command;  // as the user named it: "g++", "clang++-19", "/opt/bin/clang++"
    Family family = Family::unknown;
    int major = 0;
    std::string label;     // what reports show: "gcc-12", "clang-19"
    std::string problem;   // non-empty: missing or unidentifiable; its jobs fail with this
    std::string identity;  // resolved path and `--version` output: part of every cache key
};

// Remembers `--version` outputs by the resolved executable's path, size and
// modification time (the stamp), so that a warm run starts no compiler at all.
struct VersionCache {
    std::function<std::optional<std::string>(const std::string& stamp)> load;
    std::function<void(const std::string& stamp, const std::string& version_output)> save;
};

// "PATH SIZE MTIME" of what `command` resolves to on PATH (symlinks followed); nullopt if not found.
std::optional<std::string> executable_stamp(const std::string& command);

std::string_view family_name(Family f);

// The compilers tried when none is given: every one of these found on PATH.
const std::vector<std::string>& default_compiler_candidates();

// Family and major version from the first lines of `--version` (pure).
std::optional<std::pair<Family, int>> parse_version_output(std::string_view version_output);

// Starts one command and waits for it: the runner's run_version_step.
using RunStep = std::function<ProcessResult(const Command&)>;

// Runs `command --version` through `run`; a compiler that is missing or
// unrecognized comes back with `problem` set (the suite reports it per job and
// goes on). With `cache`, a known stamp skips the `--version` run.
Compiler identify_compiler(const std::string& command, const RunStep& run, const VersionCache* cache = nullptr);

// Gives duplicate labels ("clang-14" twice) the command as a suffix.
void disambiguate_labels(std::vector<Compiler>& compilers);

// Whether `compiler` satisfies the case's `//@ only:` (any alternative).
bool satisfies(const Compiler& compiler, const std::vector<CompilerReq>& only);

}  // namespace fearless::check
