// A run case's stdout vs. expected/<id>.stdout under `//@ stdout: exact|sorted|regex`.
//
// exact: byte for byte. sorted: the same lines in any order (threads
// interleave). regex: line i of the output fully matches line i of the file.
#pragma once

#include <optional>
#include <string>

#include "case/case.hpp"

namespace fearless::check {

// nullopt: it matches; else a detail of what differs ("" when there is nothing to add).
std::optional<std::string> compare_stdout(StdoutMode mode, const std::string& expected, const std::string& actual);

// What --bless writes for this output (sorted mode: sorted; regex mode: escaped).
std::string bless_stdout(StdoutMode mode, const std::string& actual);

// The output as the comparison sees it (sorted mode sorts), for the diff.
std::string comparable_stdout(StdoutMode mode, const std::string& text);

}  // namespace fearless::check
