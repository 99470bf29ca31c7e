// Colour and terminal detection for the console reporter.
#pragma once

#include <string>
#include <string_view>

namespace fearless::check {

enum class Colour { none, red, green, yellow, cyan, bold, dim };

// True when `fd` is a terminal and NO_COLOR is not set (https://no-color.org).
bool colour_wanted(int fd);
bool is_terminal(int fd);

// `text` wrapped in the escape codes of `c`, or as it is when `enabled` is false.
std::string paint(std::string_view text, Colour c, bool enabled);

}  // namespace fearless::check
