#include "case/control.hpp"

#include <algorithm>
#include <string_view>

#include "util/text.hpp"

namespace fearless::check {

namespace {

// The line without a trailing // comment, trimmed (a "//" inside a string is rare enough in a case).
std::string_view code_of(std::string_view line) {
    auto at = line.find("//");
    return trim(at == std::string_view::npos ? line : line.substr(0, at));
}

bool ends_statement(std::string_view code) {
    return code.empty() || code.back() == ';' || code.back() == '{' || code.back() == '}';
}

}  // namespace

std::vector<int> control_lines(const Case& c) {
    std::vector<int> lines;
    const int n = static_cast<int>(c.lines.size());
    for (const auto& a : c.annotations) {
        if (a.anywhere) continue;  // no line of its own
        int l = a.line;
        lines.push_back(l);
        while (l >= 1 && l < n && !ends_statement(code_of(c.lines[static_cast<std::size_t>(l - 1)])))
            lines.push_back(++l);
    }
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    return lines;
}

std::string control_source(const Case& c) {
    auto blank = control_lines(c);
    std::string out;
    for (std::size_t i = 0; i < c.lines.size(); ++i) {
        if (!std::binary_search(blank.begin(), blank.end(), static_cast<int>(i + 1))) out += c.lines[i];
        out += '\n';
    }
    return out;
}

}  // namespace fearless::check
