// GitHub Actions: what a CI run shows at the failing line (set when the
// environment has GITHUB_ACTIONS=true; elsewhere nothing changes).
//
//   ::group::FAIL <case> [<compiler>]          the failure's details, folded
//   ::endgroup::
//   ::error file=<case>,line=<n>,title=<case> [<compiler>]::<reason and the first lines of the diff>
//
// and a Markdown table of the run for $GITHUB_STEP_SUMMARY. Pure text.
#pragma once

#include <string>
#include <vector>

#include "report/result.hpp"

namespace fearless::check {

// The ::error line of a failed result (ends with a newline).
std::string github_error(const Result& r);

// Workflow-command escaping: the message (%, CR, LF) and a property (also : and ,).
std::string escape_command_data(const std::string& s);
std::string escape_command_property(const std::string& s);

// "## fearless-check" with the closing count and one row per failure (case,
// compiler, line, reason); a run without failures says so.
std::string step_summary(const std::vector<Result>& results, const Summary& summary);

}  // namespace fearless::check
