#include "diagnostics/render.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace fearless::check {

namespace {

std::string underline(const std::string& line) {
    auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    std::string trimmed = trim_right(line);
    return std::string(first, ' ') + std::string(trimmed.size() - first, '^');
}

void render_note(std::string& out, const Diagnostic& n, const std::string& gutter) {
    out += fmt::format("{}: {}\n", severity_name(n.severity), n.message);
    out += fmt::format("{}::: {}\n", gutter, n.at.file);
    out += fmt::format("{} |\n", gutter);
    out += fmt::format("{} | {}\n", gutter, n.source_line);
}

}  // namespace

std::string render_snapshot(const std::vector<Finding>& findings, const std::vector<std::string>& case_lines) {
    std::string out;
    for (const auto& f : findings) {
        if (!out.empty()) out += '\n';
        std::string source = f.source_line;
        if (f.in_case && f.at.line >= 1 && static_cast<std::size_t>(f.at.line) <= case_lines.size()) {
            source = case_lines[static_cast<std::size_t>(f.at.line) - 1];
            // The annotation is the expectation, not the code: rewording it must not change the snapshot.
            source = source.substr(0, source.find("//~"));
        }
        source = trim_right(source);
        auto first = source.find_first_not_of(" \t");
        int column = first == std::string::npos ? 1 : static_cast<int>(first) + 1;

        std::string number = f.at.line > 0 ? std::to_string(f.at.line) : std::string();
        std::string gutter(std::max<std::size_t>(number.size(), 1), ' ');
        out += fmt::format("error: {}\n", f.message);
        if (f.at.file.empty()) {
            // A diagnostic without a location (driver errors): the message is all there is.
        } else if (f.at.line > 0) {
            out += fmt::format("{}--> {}:{}:{}\n", gutter, f.at.file, f.at.line, column);
        } else {
            out += fmt::format("{}--> {}\n", gutter, f.at.file);
        }
        if (!source.empty()) {
            out += fmt::format("{} |\n", gutter);
            out += fmt::format("{} | {}\n", number.empty() ? gutter : number, source);
            out += fmt::format("{} | {}\n", gutter, underline(source));
        }
        for (const auto& n : f.notes) render_note(out, n, gutter);
    }
    return out;
}

}  // namespace fearless::check
