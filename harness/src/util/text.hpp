// Small string helpers shared by the stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fearless::check {

std::string_view trim(std::string_view s);
std::string trim_right(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
// Splits on '\n'; a final newline does not make an extra empty line.
std::vector<std::string> split_lines(std::string_view s);
// Splits on runs of whitespace; no empty pieces.
std::vector<std::string> split_words(std::string_view s);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Every occurrence of `from` (non-empty) in `s` replaced by `to`, left to right.
std::string replace_all(std::string s, std::string_view from, std::string_view to);
// For XML and HTML text and attribute values: & < > " ' escaped, other control characters than
// newline, tab and return (escape codes) replaced by '?'.
std::string xml_escape(std::string_view s);

}  // namespace fearless::check
