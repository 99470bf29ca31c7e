#include "report/term.hpp"

#include <cstdlib>

#include <unistd.h>

namespace fearless::check {

bool is_terminal(int fd) {
    return ::isatty(fd) == 1;
}

bool colour_wanted(int fd) {
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour && *no_colour) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string_view(term) == "dumb") return false;
    return is_terminal(fd);
}

std::string paint(std::string_view text, Colour c, bool enabled) {
    if (!enabled || c == Colour::none) return std::string(text);
    std::string_view code;
    switch (c) {
        case Colour::red:
            code = "\x1b[31m";
            break;
        case Colour::green:
            code = "\x1b[32m";
            break;
        case Colour::yellow:
            code = "\x1b[33m";
            break;
        case Colour::cyan:
            code = "\x1b[36m";
            break;
        case Colour::bold:
            code = "\x1b[1m";
            break;
        case Colour::dim:
            code = "\x1b[2m";
            break;
        case Colour::none:
            break;
    }
    return std::string(code) + std::string(text) + "\x1b[0m";
}

}  // namespace fearless::check
