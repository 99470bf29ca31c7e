#include "report/merge.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fearless::check {

namespace {

using nlohmann::json;

std::optional<Status> status_of(const std::string& s) {
    if (s == "pass") return Status::pass;
    if (s == "fail") return Status::fail;
    if (s == "skip") return Status::skip;
    return std::nullopt;
}

std::chrono::milliseconds millis(double seconds) {
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0 + 0.5));
}

// "K/N" → {K, N}; {0, 0} if it is not one.
std::pair<unsigned, unsigned> shard_numbers(const std::string& s) {
    unsigned k = 0, n = 0;
    char slash = 0;
    if (std::sscanf(s.c_str(), "%u%c%u", &k, &slash, &n) != 3 || slash != '/') return {0, 0};
    return {k, n};
}

}  // namespace

LoadedReport read_json_report(std::string_view text, const std::string& file) {
    LoadedReport r;
    r.file = file;
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw ReportError(fmt::format("{}: not valid JSON: {}", file, e.what()));
    }
    if (!j.is_object() || !j.contains("results") || !j["results"].is_array() || !j.contains("summary") ||
        !j["summary"].is_object())
        throw ReportError(fmt::format("{}: not a fearless-check --json report (no \"summary\" and \"results\")", file));
    const auto& summary = j["summary"];
    if (summary.contains("seconds") && summary["seconds"].is_number())
        r.total = millis(summary["seconds"].get<double>());
    if (summary.contains("shard")) {
        if (!summary["shard"].is_string()) throw ReportError(fmt::format("{}: \"shard\" must be \"K/N\"", file));
        r.shard = summary["shard"].get<std::string>();
    }
    std::size_t index = 0;
    for (const auto& e : j["results"]) {
        ++index;
        auto field = [&](const char* key) -> std::string {
            if (!e.is_object() || !e.contains(key) || !e[key].is_string())
                throw ReportError(fmt::format("{}: result {} has no string \"{}\"", file, index, key));
            return e[key].get<std::string>();
        };
        auto status = status_of(field("status"));
        if (!status)
            throw ReportError(fmt::format("{}: result {}: unknown status \"{}\"", file, index, field("status")));
        Result res = decided(field("case"), field("compiler"), *status, field("reason"), field("details"));
        if (e.contains("seconds") && e["seconds"].is_number()) res.duration = millis(e["seconds"].get<double>());
        if (e.contains("commands") && e["commands"].is_array())
            for (const auto& c : e["commands"])
                if (c.is_string()) res.commands.push_back(c.get<std::string>());
        r.results.push_back(std::move(res));
    }
    return r;
}

MergedReport merge_reports(const std::vector<LoadedReport>& reports) {
    MergedReport m;
    std::map<std::pair<std::string, std::string>, std::string> seen;  // job → the report that had it
    std::map<unsigned, std::vector<std::string>> shards;              // K → reports
    std::set<unsigned> counts;
    std::size_t unsharded = 0;
    for (const auto& r : reports) {
        m.total = std::max(m.total, r.total);
        if (r.shard) {
            auto [k, n] = shard_numbers(*r.shard);
            if (n == 0 || k == 0 || k > n)
                m.problems.push_back(fmt::format("{}: shard \"{}\" is not K/N", r.file, *r.shard));
            else {
                shards[k].push_back(r.file);
                counts.insert(n);
            }
        } else {
            ++unsharded;
        }
        for (const auto& res : r.results) {
            auto [it, fresh] = seen.emplace(std::pair{res.case_display, res.compiler}, r.file);
            if (!fresh) {
                m.problems.push_back(fmt::format("{} [{}] is in both {} and {}: the reports overlap", res.case_display,
                                                 res.compiler, it->second, r.file));
                continue;
            }
            m.results.push_back(res);
        }
    }
    if (counts.size() > 1)
        m.problems.push_back(fmt::format("the reports come from different shard counts ({})", fmt::join(counts, ", ")));
    if (counts.size() == 1) {
        const unsigned n = *counts.begin();
        if (unsharded)
            m.problems.push_back(fmt::format("{} report(s) without a shard next to shards of {}", unsharded, n));
        for (unsigned k = 1; k <= n; ++k) {
            auto it = shards.find(k);
            if (it == shards.end())
                m.problems.push_back(fmt::format("shard {}/{} is missing: its jobs were not run", k, n));
            else if (it->second.size() > 1)
                m.problems.push_back(fmt::format("shard {}/{} is given twice ({})", k, n, fmt::join(it->second, ", ")));
        }
    }
    return m;
}

}  // namespace fearless::check
