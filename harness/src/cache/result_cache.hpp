// The result cache: a job's verdict, stored under a content hash of
// everything that decides it, so a warm run starts no compiler at all.
//
//   key   = hash(harness_version, the case's path and text, the compiler's
//           identity, the flags, the PCH header, the expected files' content,
//           the settings that judge it)          computed before running
//   entry = {deps: [[path, content hash]...], result (with its verdict and ms)}
//
// A lookup hits only if every file the job read (the compiler's -MD output,
// plus its PCH's) still has the content it had: editing one header re-runs
// exactly the jobs that read it. Entries are written to a temporary file and
// renamed, so runs sharing the folder never see half an entry.
//
// Layout of the folder: results/ab/abcd....json, compilers/STAMP-HASH (the
// `--version` output of an executable stamp), timings.json (job → ms, for
// scheduling), failed/SUITE-HASH.json (what --rerun-failed re-runs), pch/ (see pch.hpp).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fearless/mutex.hpp>

#include "cache/deps.hpp"
#include "report/result.hpp"
#include "run/compiler.hpp"

namespace fearless::check {

// Bump when judging changes (check, normalize, render, attribute, control...):
// every stored verdict is then stale.
inline constexpr std::string_view harness_version = "fearless-check 5.8";

struct CachedJob {
    Result result;  // with its verdict
    std::vector<Dependency> deps;
};

// Entry ⇄ JSON text (pure; nullopt: not an entry this version wrote, or not
// one at all: truncated, garbage, a field of the wrong type or out of range).
std::string cached_job_to_json(const CachedJob& job);
std::optional<CachedJob> cached_job_from_json(std::string_view text);

// What went wrong with the cache folder during a run, for one warning at its end.
struct CacheTrouble {
    std::size_t damaged = 0;       // entries that were not valid JSON of an entry (ignored, then rewritten)
    std::size_t unwritable = 0;    // entries, timings or compiler stamps that could not be written
    std::string first_write_error;  // the first of those, e.g. "cannot write ...: No space left on device"
};

class ResultCache {
  public:
    explicit ResultCache(std::filesystem::path dir) : dir_(std::move(dir)) {}
    ResultCache(ResultCache&& o) noexcept : dir_(std::move(o.dir_)), trouble_(o.trouble()) {}
    const std::filesystem::path& dir() const { return dir_; }

    // Whether the folder can be created and written (a probe file is written
    // and removed); `why` says why not.
    bool writable(std::string& why) const;

    // The entry stored under `key` whose every dependency is unchanged. A
    // damaged entry is a miss (counted in trouble()); one of another
    // harness_version is a plain miss.
    std::optional<CachedJob> lookup(const std::string& key, FileHashes& hashes) const;
    // Atomic (temporary file + rename); false if it could not be written (counted in trouble()).
    bool store(const std::string& key, const CachedJob& job) const;

    CacheTrouble trouble() const;

    // "topic/name|gcc-12" → milliseconds of its last real run.
    std::map<std::string, long long> load_timings() const;
    // Merges `timings` into the stored ones (atomically replaced).
    void save_timings(const std::map<std::string, long long>& timings) const;

    // The jobs ("case|compiler label") that failed in the last run of the suite
    // `suite` names (folders share a cache); replaced whole by each run.
    std::set<std::string> load_failed(const std::string& suite) const;
    void save_failed(const std::string& suite, const std::set<std::string>& failed) const;

    // For identify_compiler: `--version` outputs by executable stamp.
    VersionCache versions() const;

  private:
    std::filesystem::path entry_path(const std::string& key) const;
    bool write(const std::filesystem::path& path, const std::string& text) const;
    std::filesystem::path dir_;
    mutable fearless::Mutex<CacheTrouble> trouble_;
};

// The default folder: $XDG_CACHE_HOME/fearless-check if set, else ROOT/.cache/fearless-check.
std::filesystem::path default_cache_dir(const std::filesystem::path& root);

}  // namespace fearless::check
