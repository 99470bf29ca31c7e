#include "cache/result_cache.hpp"

#include <cstdlib>

#include <fmt/format.h>
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
    const auto& v = r.verdict;
    j["result"] = {
        {"case", r.case_display}, {"compiler", r.compiler}, {"ms", r.duration.count()}, {"commands", r.commands}};
    j["verdict"] = {{"status", static_cast<int>(v.status)},
                    {"reason", v.reason},
                    {"details", v.details},
                    {"actual_stderr", optional_text(v.actual_stderr)},
                    {"actual_stdout", optional_text(v.actual_stdout)},
                    {"expectation_only", v.expectation_only},
                    {"line", v.line},
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
        auto& r = job.result;
        const auto& jr = j.at("result");
        r.case_display = jr.at("case").get<std::string>();
        r.compiler = jr.at("compiler").get<std::string>();
        r.duration = std::chrono::milliseconds(jr.at("ms").get<long long>());
        r.commands = jr.at("commands").get<std::vector<std::string>>();
        auto& v = r.verdict;
        const auto& jv = j.at("verdict");
        const int status = jv.at("status").get<int>();
        if (status < static_cast<int>(Status::pass) || status > static_cast<int>(Status::skip)) return std::nullopt;
        v.status = static_cast<Status>(status);
        v.reason = jv.at("reason").get<std::string>();
        v.details = jv.at("details").get<std::string>();
        v.actual_stderr = optional_text(jv.at("actual_stderr"));
        v.actual_stdout = optional_text(jv.at("actual_stdout"));
        v.expectation_only = jv.at("expectation_only").get<bool>();
        v.line = jv.at("line").get<int>();
        if (!jv.at("would_be").is_null()) v.would_be = jv.at("would_be").get<std::string>();
        v.would_be_text = jv.at("would_be_text").get<std::string>();
        for (const auto& d : j.at("deps"))
            job.deps.push_back(Dependency{d.at(0).get<std::string>(), d.at(1).get<std::string>()});
        return job;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

std::filesystem::path default_cache_dir(const std::filesystem::path& root) {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "fearless-check";
    return root / ".cache" / "fearless-check";
}

std::filesystem::path ResultCache::entry_path(const std::string& key) const {
    return dir_ / "results" / key.substr(0, 2) / (key + ".json");
}

namespace {

// An entry some version of the harness wrote, whatever it holds.
bool foreign_version(std::string_view text) {
    try {
        auto j = json::parse(text);
        return j.is_object() && j.contains("version") && j["version"].is_string() &&
               j["version"].get<std::string>() != harness_version;
    } catch (const json::exception&) {
        return false;
    }
}

}  // namespace

bool ResultCache::writable(std::string& why) const {
    const auto probe = dir_ / ("write-probe" + unique_suffix());
    if (!write_file(probe, "", &why)) return false;
    std::error_code ec;
    std::filesystem::remove(probe, ec);
    return true;
}

std::optional<CachedJob> ResultCache::lookup(const std::string& key, FileHashes& hashes) const {
    auto text = read_file(entry_path(key));
    if (!text) return std::nullopt;
    auto job = cached_job_from_json(*text);
    if (!job) {
        if (!foreign_version(*text)) ++trouble_.lock()->damaged;
        return std::nullopt;
    }
    if (job->deps.empty() || !hashes.unchanged(job->deps)) return std::nullopt;
    return job;
}

bool ResultCache::write(const std::filesystem::path& path, const std::string& text) const {
    std::string error;
    if (write_file(path, text, &error)) return true;
    auto t = trouble_.lock();
    if (t->unwritable++ == 0) t->first_write_error = error;
    return false;
}

bool ResultCache::store(const std::string& key, const CachedJob& job) const {
    return write(entry_path(key), cached_job_to_json(job));
}

CacheTrouble ResultCache::trouble() const {
    return *trouble_.lock();
}

std::map<std::string, long long> ResultCache::load_timings() const {
    std::map<std::string, long long> out;
    if (auto text = read_file(dir_ / "timings.json")) {
        try {
            out = json::parse(*text).get<std::map<std::string, long long>>();  // damaged: start afresh
        } catch (const json::exception&) {
        }
    }
    return out;
}

void ResultCache::save_timings(const std::map<std::string, long long>& timings) const {
    if (timings.empty()) return;
    auto all = load_timings();
    for (const auto& [k, v] : timings) all[k] = v;
    write(dir_ / "timings.json", json(all).dump());
}

std::set<std::string> ResultCache::load_failed(const std::string& suite) const {
    std::set<std::string> out;
    auto text = read_file(dir_ / "failed" / (hash_hex(suite) + ".json"));
    if (!text) return out;
    try {
        for (const auto& j : json::parse(*text)) out.insert(j.get<std::string>());
    } catch (const json::exception&) {
        // A damaged record: nothing recorded.
    }
    return out;
}

void ResultCache::save_failed(const std::string& suite, const std::set<std::string>& failed) const {
    write_file(dir_ / "failed" / (hash_hex(suite) + ".json"), json(failed).dump());
}

VersionCache ResultCache::versions() const {
    auto dir = dir_ / "compilers";
    return VersionCache{
        [dir](const std::string& stamp) { return read_file(dir / hash_hex(stamp)); },
        [dir](const std::string& stamp, const std::string& out) { write_file(dir / hash_hex(stamp), out); },
    };
}

}  // namespace fearless::check
