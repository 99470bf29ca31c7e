// Machine-readable reports: JUnit XML (CI dashboards) and JSON.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "report/result.hpp"

namespace fearless::check {

std::string junit_report(const std::vector<Result>& results, std::chrono::milliseconds total);
std::string json_report(const std::vector<Result>& results, std::chrono::milliseconds total);

}  // namespace fearless::check
