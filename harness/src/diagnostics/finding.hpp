// An error as the user should see it: on the case line it belongs to.
#pragma once

#include <string>
#include <vector>

#include "diagnostics/parse.hpp"

namespace fearless::check {

struct Finding {
    std::string message;
    Location at;  // the case line when in_case, else where the compiler put it
    bool in_case = false;
    Location raised_at;             // where the compiler reported it (a library header, say)
    std::string source_line;        // the compiler's echo at raised_at
    std::vector<Diagnostic> notes;  // the compiler's notes; normalize keeps those that teach
};

// What an annotation is matched against: the message, then each note's message
// and echoed line (on GCC 12 / Clang 14 the reason of `= delete` lives only there).
std::string matchable_text(const Finding& f);

}  // namespace fearless::check
