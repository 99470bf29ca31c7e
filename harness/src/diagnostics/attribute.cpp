#include "diagnostics/attribute.hpp"

#include <optional>

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
    // Where the previous error's chain led into the case, if it did.
    std::optional<Location> last_chain_case;
    for (const auto& d : diags) {
        if (d.severity != Severity::error && d.severity != Severity::fatal) continue;
        Finding f{d.message, d.at, false, d.at, d.source_line, d.notes};
        std::optional<Location> chain_case;
        if (in_case(d.at)) {
            f.in_case = true;
        } else {
            for (const auto& frame : d.chain) {
                if (in_case(frame.at)) {
                    chain_case = frame.at;
                    break;
                }
            }
            // Clang prints only the frames that differ from the chain printed
            // before, so a later error in the same instantiation can come with
            // a chain that stops inside the library: the elided rest is the
            // previous error's, and so is the case line it leads to.
            if (!chain_case && !d.chain.empty()) chain_case = last_chain_case;
            if (chain_case) {
                f.at = *chain_case;
                f.in_case = true;
            }
        }
        last_chain_case = chain_case;
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace fearless::check
