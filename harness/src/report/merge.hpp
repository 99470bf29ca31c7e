// Shards' JSON reports back into one: every job exactly once, every shard present.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "report/result.hpp"

namespace fearless::check {

struct ReportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One report as json_report() wrote it.
struct LoadedReport {
    std::string file;                  // where it was read from, for messages
    std::optional<std::string> shard;  // "K/N" when written by a --shard run
    std::vector<Result> results;
    std::chrono::milliseconds total{0};
};

// Throws ReportError naming `file` for text that is not such a report.
LoadedReport read_json_report(std::string_view text, const std::string& file);

struct MergedReport {
    std::vector<Result> results;         // in the order of the reports given
    std::chrono::milliseconds total{0};  // the slowest report's: shards run side by side
    std::vector<std::string> problems;   // a job in two reports, a shard missing or given twice
};

MergedReport merge_reports(const std::vector<LoadedReport>& reports);

}  // namespace fearless::check
