#include "diagnostics/attribute.hpp"

namespace fearless::check {

std::string matchable_text(const Finding& f) {
    std::string text = f.message;
    for (const auto& n : f.notes) {
        text += '\n';
        text += n.message;
        if (!n.source_line.empty()) {
            text += '\n';
            text += n.source_line;
        }
    }
    return text;
}

namespace {
std::filesystem::path resolved(const std::filesystem::path& root, const std::string& file) {
    return (root / file).lexically_normal();
}
}  // namespace

std::vector<Finding> attribute(const std::vector<Diagnostic>& diags, const std::filesystem::path& case_file,
                               const std::filesystem::path& root) {
    const auto case_path = (root / case_file).lexically_normal();
    auto in_case = [&](const Location& l) {
        return !l.file.empty() && l.line > 0 && resolved(root, l.file) == case_path;
    };

    std::vector<Finding> out;
    for (const auto& d : diags) {
        if (d.severity != Severity::error && d.severity != Severity::fatal) continue;
        Finding f{d.message, d.at, false, d.at, d.source_line, d.notes};
        if (in_case(d.at)) {
            f.in_case = true;
        } else {
            for (const auto& frame : d.chain) {
                if (in_case(frame.at)) {
                    f.at = frame.at;
                    f.in_case = true;
                    break;
                }
            }
        }
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace fearless::check
