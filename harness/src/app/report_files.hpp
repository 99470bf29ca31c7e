// --junit FILE and --json FILE, for a run and for --merge-reports alike.
#pragma once

#include <chrono>
#include <ostream>
#include <string_view>
#include <vector>

#include "app/options.hpp"
#include "report/result.hpp"

namespace fearless::check {

// Writes the reports the options ask for; false (after saying why on `err`) if one could not be written.
// `shard`: "K/N" of a --shard run, recorded in the JSON report.
bool write_report_files(const Options& o, const std::vector<Result>& results, std::chrono::milliseconds total,
                        std::string_view shard, std::ostream& err);

}  // namespace fearless::check
