// Cases × compilers → jobs. Pure: what to run, not how.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "case/case.hpp"
#include "run/compiler.hpp"

namespace fearless::check {

// What every job of a run shares.
struct RunSettings {
    std::filesystem::path root;                 // compilers run here; case paths are relative to it
    std::vector<std::string> includes;          // -I paths, relative to root when under it
    std::vector<std::string> flags;             // extra flags for every case (config file)
    std::chrono::milliseconds timeout{60'000};  // per compiler / program run; `//@ timeout:` overrides for programs
    std::string clang_tidy = "clang-tidy";
};

struct Job {
    std::size_t case_index = 0;
    std::size_t compiler_index = 0;
    std::string skip_reason;  // non-empty: reported as SKIP, not run
    bool control = false;     // also runs the case's control compile (see plan_jobs)
};

// One job per well-formed case and compiler, in case order; `only:` misses are skips.
// A compile-fail case's control compile (its annotated lines blanked must compile)
// runs once per case, in the job of the first compiler that runs it: a typo
// elsewhere in the file breaks it on every compiler, so one proof is enough and
// the cold run does a quarter of the control compiles it would with four compilers.
std::vector<Job> plan_jobs(const std::vector<Case>& cases, const std::vector<Compiler>& compilers);

}  // namespace fearless::check
