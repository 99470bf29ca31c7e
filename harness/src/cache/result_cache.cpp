#include "cache/result_cache.hpp"

#include <atomic>
#include <cstdlib>

#include <fmt/format.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "cache/hash.hpp"
#include "util/file.hpp"

namespace fearless::check {

namespace {

using nlohmann::json;

json optional_text(const std::optional<std::string>& s) {
    return s ? json(*s) : json(nullptr);
}
std::optional<std::string> optional_text(const json& j) {
    if (j.is_null()) return std::nullopt;
    return j.get<std::string>();
}

}  // namespace

std::string cached_job_to_json(const CachedJob& job) {
    json j;
    j["version"] = harness_version;
    const auto& r = job.result;
    j["result"] = {{"case", r.case_display}, {"compiler", r.compiler}, {"status", static_cast<int>(r.status)},
                   {"reason", r.reason},     {"details", r.details},   {"ms", r.duration.count()},
                   {"commands", r.commands}};
    const auto& v = job.verdict;
    j["verdict"] = {{"status", static_cast<int>(v.status)},
                    {"reason", v.reason},
                    {"details", v.details},
                    {"actual_stderr", optional_text(v.actual_stderr)},
                    {"actual_stdout", optional_text(v.actual_stdout)},
                    {"expectation_only", v.expectation_only},
                    {"would_be", v.would_be ? json(v.would_be->string()) : json(nullptr)},
                    {"would_be_text", v.would_be_text}};
    j["deps"] = json::array();
    for (const auto& d : job.deps) j["deps"].push_back({d.path, d.hash});
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<CachedJob> cached_job_from_json(std::string_view text) {
    try {
        auto j = json::parse(text);
        if (j.at("version").get<std::string>() != harness_version) return std::nullopt;
        CachedJob job;
        const auto& r = j.at("result");
        job.result.case_display = r.at("case").get<std::string>();
        job.result.compiler = r.at("compiler").get<std::string>();
        job.result.status = static_cast<Status>(r.at("status").get<int>());
        job.result.reason = r.at("reason").get<std::string>();
        job.result.details = r.at("details").get<std::string>();
        job.result.duration = std::chrono::milliseconds(r.at("ms").get<long long>());
        job.result.commands = r.at("commands").get<std::vector<std::string>>();
        const auto& v = j.at("verdict");
        job.verdict.status = static_cast<Status>(v.at("status").get<int>());
        job.verdict.reason = v.at("reason").get<std::string>();
        job.verdict.details = v.at("details").get<std::string>();
        job.verdict.actual_stderr = optional_text(v.at("actual_stderr"));
        job.verdict.actual_stdout = optional_text(v.at("actual_stdout"));
        job.verdict.expectation_only = v.at("expectation_only").get<bool>();
        if (!v.at("would_be").is_null()) job.verdict.would_be = v.at("would_be").get<std::string>();
        job.verdict.would_be_text = v.at("would_be_text").get<std::string>();
        for (const auto& d : j.at("deps"))
            job.deps.push_back(Dependency{d.at(0).get<std::string>(), d.at(1).get<std::string>()});
        return job;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

bool write_file_atomic(const std::filesystem::path& path, const std::string& text) {
    static std::atomic<unsigned> counter{0};
    auto tmp = path;
    tmp += fmt::format(".tmp-{}-{}", ::getpid(), counter++);
    if (!write_file(tmp, text)) return false;
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) std::filesystem::remove(tmp, ec);
    return !ec;
}

std::filesystem::path default_cache_dir(const std::filesystem::path& root) {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "fearless-check";
    return root / ".cache" / "fearless-check";
}

std::filesystem::path ResultCache::entry_path(const std::string& key) const {
    return dir_ / "results" / key.substr(0, 2) / (key + ".json");
}

std::optional<CachedJob> ResultCache::lookup(const std::string& key, FileHashes& hashes) const {
    auto text = read_file(entry_path(key));
    if (!text) return std::nullopt;
    auto job = cached_job_from_json(*text);
    if (!job || job->deps.empty() || !hashes.unchanged(job->deps)) return std::nullopt;
    return job;
}

bool ResultCache::store(const std::string& key, const CachedJob& job) const {
    return write_file_atomic(entry_path(key), cached_job_to_json(job));
}

std::map<std::string, long long> ResultCache::load_timings() const {
    std::map<std::string, long long> out;
    if (auto text = read_file(dir_ / "timings.json")) {
        try {
            out = json::parse(*text).get<std::map<std::string, long long>>();
        } catch (const json::exception&) {
        }
    }
    return out;
}

void ResultCache::save_timings(const std::map<std::string, long long>& timings) const {
    if (timings.empty()) return;
    auto all = load_timings();
    for (const auto& [k, v] : timings) all[k] = v;
    write_file_atomic(dir_ / "timings.json", json(all).dump());
}

VersionCache ResultCache::versions() const {
    auto dir = dir_ / "compilers";
    return VersionCache{
        [dir](const std::string& stamp) { return read_file(dir / hash_hex(stamp)); },
        [dir](const std::string& stamp, const std::string& out) { write_file_atomic(dir / hash_hex(stamp), out); },
    };
}

}  // namespace fearless::check
