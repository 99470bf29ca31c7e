// What a reporter gets for each case × compiler, and the closing count.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "verdict/verdict.hpp"

namespace fearless::check {

struct Result {
    std::string case_display;  // "cases/topic/name.cpp" (or an expected file, for stale ones)
    std::string compiler;      // "gcc-12"; "-" when no compiler was involved (malformed case)
    Verdict verdict;           // status, reason, details, and what --bless needs
    std::chrono::milliseconds duration{0};
    std::vector<std::string> commands;  // shown with -v
};

struct Summary {
    std::size_t passed = 0, failed = 0, skipped = 0;
    std::size_t not_run = 0;  // an interrupted run's jobs that did not finish
};

// A result decided without judging a run: a skip, or a failure found before or after the jobs.
Result decided(std::string case_display, std::string compiler, Status status, std::string reason,
               std::string details = {});

Summary summarize(const std::vector<Result>& results);
Summary operator+(const Summary& a, const Summary& b);

// "N passed, N failed" plus ", N skipped" when any were skipped and ", N not run" when any were not.
std::string summary_line(const Summary& s);

std::string_view status_name(Status s);

}  // namespace fearless::check
