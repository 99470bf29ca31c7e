// The console reporter: one line per case × compiler, details under failures,
// a progress line while on a terminal, and the closing count.
#pragma once

#include <ostream>

#include "report/result.hpp"

namespace fearless::check {

struct ConsoleStyle {
    bool colour = false;    // escape codes (a terminal, NO_COLOR unset)
    bool progress = false;  // a redrawn "[3/40]" line (a terminal)
    bool verbose = false;   // print the commands of each job
    bool github = false;    // GitHub Actions: details folded in a group, an ::error annotation per failure
};

class ConsoleReporter {
  public:
    ConsoleReporter(std::ostream& out, ConsoleStyle style) : out_(out), style_(style) {}

    void result(const Result& r);
    void progress(std::size_t done, std::size_t total);
    void message(const std::string& text);  // a line of its own (bless, stale files ...)
    void finish(const Summary& s);

  private:
    void clear_progress();
    std::ostream& out_;
    ConsoleStyle style_;
    bool progress_shown_ = false;
    Summary so_far_;  // for the progress line
};

}  // namespace fearless::check
