// The built fearless-check, run the way the integration tests run it.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "run/process/process.hpp"

namespace integration {

inline const std::filesystem::path& tool() {
    static const std::filesystem::path t = FEARLESS_CHECK_EXE;
    return t;
}

// The result cache goes to the build tree, never into the fixtures.
inline std::filesystem::path build_tree_cache() {
    return tool().parent_path() / "integration-cache";
}

// Runs the tool in `cwd` without colour, its result cache under `cache`
// (XDG_CACHE_HOME; nullopt: whatever the test itself inherited).
inline fearless::check::ProcessResult run_tool(const std::filesystem::path& cwd, std::vector<std::string> args,
                                               std::optional<std::filesystem::path> cache = build_tree_cache()) {
    using namespace fearless::check;
    args.insert(args.begin(), tool().string());
    Limits limits;
    limits.timeout = std::chrono::minutes(8);
    std::map<std::string, std::string> env = {{"NO_COLOR", "1"}};
    if (cache) env["XDG_CACHE_HOME"] = cache->string();
    return run_process(Command{args, cwd, env, {}}, limits);
}

}  // namespace integration
