#include "verdict/output_compare.hpp"

#include <algorithm>
#include <boost/regex.hpp>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fearless::check {

std::string comparable_stdout(StdoutMode mode, const std::string& text) {
    if (mode != StdoutMode::sorted) return text;
    auto lines = split_lines(text);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

std::optional<std::string> compare_stdout(StdoutMode mode, const std::string& expected, const std::string& actual) {
    switch (mode) {
        case StdoutMode::exact:
            if (expected == actual) return std::nullopt;
            return std::string();
        case StdoutMode::sorted:
            if (comparable_stdout(mode, expected) == comparable_stdout(mode, actual)) return std::nullopt;
            return std::string("lines compared in sorted order");
        case StdoutMode::regex: {
            auto want = split_lines(expected);
            auto got = split_lines(actual);
            if (want.size() != got.size())
                return fmt::format("{} lines printed, {} regexes expected", got.size(), want.size());
            for (std::size_t i = 0; i < want.size(); ++i) {
                try {
                    if (!boost::regex_match(got[i], boost::regex(want[i])))
                        return fmt::format("line {} \"{}\" does not match /{}/", i + 1, got[i], want[i]);
                } catch (const boost::regex_error& e) {
                    return fmt::format("expected line {} is not a valid regex: {}", i + 1, e.what());
                }
            }
            return std::nullopt;
        }
    }
    return std::string("unknown stdout mode");
}

std::string bless_stdout(StdoutMode mode, const std::string& actual) {
    if (mode == StdoutMode::sorted) return comparable_stdout(mode, actual);
    if (mode != StdoutMode::regex) return actual;
    static const boost::regex special(R"([.^$|()\[\]{}*+?\\])");
    std::string out;
    for (const auto& l : split_lines(actual)) out += boost::regex_replace(l, special, R"(\\$&)") + "\n";
    return out;
}

}  // namespace fearless::check
