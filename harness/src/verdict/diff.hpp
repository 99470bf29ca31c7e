// Line-based unified diff (expected → actual), for mismatch reports.
#pragma once

#include <string>

namespace fearless::check {

// `--- from` / `+++ to` headers, @@ hunks with `context` lines around changes.
// Empty when the texts are equal.
std::string unified_diff(const std::string& expected, const std::string& actual, const std::string& from,
                         const std::string& to, int context = 3);

}  // namespace fearless::check
