// Phase 1 of run_process: what the child needs, made in the parent before
// the fork (nothing after the fork may allocate).
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "run/process/fd.hpp"
#include "run/process/process.hpp"

namespace fearless::check::proc {

// An rlimit to set in the child, computed in the parent.
struct RlimitSetting {
    int resource = -1;  // -1: none
    rlimit value{};
};

struct Prepared {
    std::filesystem::path program;  // argv[0] resolved as exec would
    std::vector<std::string> env;   // "NAME=value"
    std::vector<const char*> envp;  // into env, null-terminated
    std::vector<const char*> argv;  // into the command's argv (as written), null-terminated
    Fd dev_null;                    // the child's stdin
    Pipe out, err;                  // the child's stdout and stderr
    std::array<RlimitSetting, 3> rlimits{};
};

// nullopt: the command cannot start; `why` says why.
std::optional<Prepared> prepare(const Command& cmd, const Limits& limits, std::string& why);

bool is_executable_file(const std::filesystem::path& p);

}  // namespace fearless::check::proc
