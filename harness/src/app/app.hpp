// The whole run: discover → parse → plan → run (pool) → check → report.
#pragma once

#include <ostream>

#include "app/options.hpp"

namespace fearless::check {

struct Terminal {
    bool colour = false;       // stdout is a terminal and NO_COLOR is unset
    bool progress = false;     // stdout is a terminal
    bool github = false;       // GITHUB_ACTIONS=true: annotations at the failing lines
    std::string step_summary;  // $GITHUB_STEP_SUMMARY there: the run's table is appended to it
};

// Returns the exit status: 0 nothing failed, 1 failures, 2 configuration error.
int run_suite(const Options& options, std::ostream& out, std::ostream& err, Terminal terminal = {});

}  // namespace fearless::check
