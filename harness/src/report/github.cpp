#include "report/github.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace fearless::check {

namespace {

// How much of a failure's details the annotation carries; the group has all of it.
constexpr std::size_t annotation_lines = 12;

// A table cell: one line, no column breaks.
std::string cell(const std::string& s) {
    return replace_all(replace_all(replace_all(s, "\n", " "), "|", "\\|"), "`", "'");
}

}  // namespace

std::string escape_command_data(const std::string& s) {
    return replace_all(replace_all(replace_all(s, "%", "%25"), "\r", "%0D"), "\n", "%0A");
}

std::string escape_command_property(const std::string& s) {
    return replace_all(replace_all(escape_command_data(s), ":", "%3A"), ",", "%2C");
}

std::string github_error(const Result& r) {
    std::string message = r.verdict.reason;
    auto lines = split_lines(r.verdict.details);
    if (lines.size() > annotation_lines) lines.resize(annotation_lines);
    for (const auto& l : lines) message += "\n" + l;
    // A revision shows as "cases/x.cpp[bad]": the annotation belongs to the file (the title keeps the revision).
    const auto file =
        r.case_display.ends_with(']') ? r.case_display.substr(0, r.case_display.rfind('[')) : r.case_display;
    std::string where = "file=" + escape_command_property(file);
    if (r.verdict.line > 0) where += fmt::format(",line={}", r.verdict.line);
    return fmt::format("::error {},title={}::{}\n", where,
                       escape_command_property(fmt::format("{} [{}]", r.case_display, r.compiler)),
                       escape_command_data(message));
}

std::string step_summary(const std::vector<Result>& results, const Summary& summary) {
    std::string out = fmt::format("## fearless-check\n\n{}\n\n", summary_line(summary));
    if (!summary.failed) return out;
    out += "| case | compiler | line | why |\n| --- | --- | --- | --- |\n";
    for (const auto& r : results) {
        if (r.verdict.status != Status::fail) continue;
        out += fmt::format("| `{}` | {} | {} | {} |\n", cell(r.case_display), cell(r.compiler),
                           r.verdict.line > 0 ? std::to_string(r.verdict.line) : "", cell(r.verdict.reason));
    }
    return out;
}

}  // namespace fearless::check
