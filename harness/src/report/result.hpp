// What a reporter gets for each case × compiler, and the closing count.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "verdict/status.hpp"

namespace fearless::check {

struct Result {
    std::string case_display;  // "cases/topic/name.cpp" (or an expected file, for stale ones)
    std::string compiler;      // "gcc-12"; "-" when no compiler was involved (malformed case)
    Status status = Status::fail;
    std::string reason;
    std::string details;
    std::chrono::milliseconds duration{0};
    std::vector<std::string> commands;  // shown with -v
};

struct Summary {
    std::size_t passed = 0, failed = 0, skipped = 0;
};

Summary summarize(const std::vector<Result>& results);
Summary operator+(const Summary& a, const Summary& b);

// "N passed, N failed" plus ", N skipped" when any were skipped.
std::string summary_line(const Summary& s);

std::string_view status_name(Status s);

}  // namespace fearless::check
