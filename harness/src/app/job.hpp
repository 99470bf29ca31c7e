// One case × compiler, start to verdict, through the result cache.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <fearless/mutex.hpp>

#include "app/options.hpp"
#include "cache/deps.hpp"
#include "cache/pch.hpp"
#include "cache/result_cache.hpp"
#include "case/case.hpp"
#include "report/result.hpp"
#include "run/commands.hpp"
#include "run/compiler.hpp"
#include "run/runner.hpp"

namespace fearless::check {

// A job a --bless run compiled: judged again, once the expected files are
// written, as the next plain run would judge it, and cached under its key.
struct BlessedJob {
    const Case* c;
    const Compiler* compiler;
    bool control;
    JobOutput output;
    CachedJob cached;  // the bless run's result and what the job read
};

// What every job of a run shares beyond the options.
struct RunContext {
    const Options& o;
    RunSettings settings;
    std::filesystem::path expected_dir, wip;
    std::optional<ResultCache> cache;  // nullopt: --no-cache
    std::unique_ptr<PchStore> pch;     // null: no PCH this run
    std::filesystem::path pch_dir;
    FileHashes hashes;
    fearless::Mutex<std::map<std::string, long long>> timings;  // this run's, by timing_key()
    fearless::Mutex<std::vector<BlessedJob>> blessed;             // --bless with the cache: see BlessedJob
    std::vector<std::filesystem::path> own_dirs;                // options.hpp's own_dirs()
};

RunContext make_context(const Options& o, std::optional<ResultCache> cache);

// The unit the result cache wraps. A hit whose recorded dependencies are
// unchanged returns the stored result without starting a process; either way
// the would-be expected file is written for inspection. A job that ends after
// a stop was requested (run/process/stop.hpp) is neither stored nor presented:
// the caller drops it.
Result execute_job(RunContext& ctx, const Case& c, const Compiler& compiler, bool control);

// After --bless wrote the expected files: caches each compiled job's verdict
// under the key of a plain run, so the run after a bless compiles nothing.
void cache_for_plain_runs(RunContext& ctx);

}  // namespace fearless::check
