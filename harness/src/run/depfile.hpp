// What a compile read, from the compiler's dependency output (-MD -MF).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fearless::check {

// The prerequisites of a Make-style dependency file ("out.o: a.cpp b.hpp \"),
// in order, without duplicates; "\ " is an escaped space. Pure.
std::vector<std::string> parse_depfile(std::string_view text);

}  // namespace fearless::check
