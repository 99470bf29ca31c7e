// Normalized findings → snapshot text, rustc-like:
//
//     error: static assertion failed: NotSend cannot be sent between threads safely
//      --> cases/send/not_send.cpp:5:5
//       |
//     5 |     lib::spawn(n);
//       |     ^^^^^^^^^^^^^^
//
// The caret underlines the whole statement from its first non-blank column,
// not the compiler's column: GCC and Clang point at different tokens of the
// same line, and one snapshot should fit both. A `//~` annotation on the line
// is left out: it is the expectation, not the code. Notes in headers show the file
// without a line number so that editing the library does not churn snapshots.
#pragma once

#include <string>
#include <vector>

#include "diagnostics/finding.hpp"

namespace fearless::check {

// `case_lines` is the case source: the line shown for an error in the case.
std::string render_snapshot(const std::vector<Finding>& findings, const std::vector<std::string>& case_lines);

}  // namespace fearless::check
