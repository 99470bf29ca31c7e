// What the result cache keys a job on, which outcomes it keeps, and what a
// kept job read. Pure, but for hashing the clang-tidy executable's stamp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cache/pch.hpp"
#include "case/case.hpp"
#include "run/commands.hpp"
#include "run/compiler.hpp"
#include "run/runner.hpp"
#include "verdict/expected_files.hpp"

namespace fearless::check {

// Everything that decides a job's verdict before it runs; what it reads is
// checked after, through its dependencies.
struct JobKey {
    const Case& c;
    const Compiler& compiler;
    const RunSettings& settings;
    const std::vector<std::string>& flags;  // compile_flags() of the case
    bool bless = false;
    std::string pch_header = "-";  // the PCH header when the job uses one
    bool control = false;
    const ExpectedFile& expected_stderr;
    const ExpectedFile& expected_stdout;
};
std::string job_key(const JobKey& k);

// Only what will say the same next time: no timeouts, crashes of tools or setup failures.
bool cacheable(const JobOutput& out);

// What the job read: its depfile and its PCH's inputs, relative to `root` when
// under it, without what lies in `pch_dir` (the PCH itself lives in the cache).
std::vector<std::string> job_deps(const std::filesystem::path& root, const std::filesystem::path& pch_dir,
                                  const JobOutput& out, const std::optional<Pch>& pch);

}  // namespace fearless::check
