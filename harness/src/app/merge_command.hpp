// --merge-reports: the shards' --json reports as one run's results.
#pragma once

#include <ostream>

#include "app/app.hpp"
#include "app/options.hpp"

namespace fearless::check {

// Prints each merged result and the closing count, writes --json / --junit.
// Exit status: 0 nothing failed, 1 a job failed, 2 a report is unreadable,
// a job is in two reports or a shard is missing.
int run_merge_command(const Options& options, std::ostream& out, std::ostream& err, Terminal terminal);

}  // namespace fearless::check
