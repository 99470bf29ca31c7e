// Machine-readable reports: JUnit XML (CI dashboards) and JSON.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "report/result.hpp"

namespace fearless::check {

std::string junit_report(const std::vector<Result>& results, std::chrono::milliseconds total);
// `shard`: "K/N" of a --shard run (summary.shard), so that --merge-reports can check every shard is there.
std::string json_report(const std::vector<Result>& results, std::chrono::milliseconds total,
                        std::string_view shard = {});

}  // namespace fearless::check
