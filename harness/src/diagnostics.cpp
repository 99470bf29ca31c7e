#include "diagnostics.hpp"

#include <optional>
#include <regex>

#include "text.hpp"

namespace fearless::check {

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
        case Severity::fatal: return "fatal error";
    }
    return "?";
}

namespace {

// `file:line:col: severity: message`, `file:line: severity: message`, `prog: severity: message`.
const std::regex& diagnostic_re() {
    static const std::regex re(R"(^(.*?):(?:(\d+):(?:(\d+):)?)? (fatal error|error|warning|note): (.*)$)");
    return re;
}
// GCC chain frame: `file:line:col:   required from here` (three spaces set it apart).
const std::regex& gcc_frame_re() {
    static const std::regex re(R"(^(.*?):(\d+):(\d+):   +(.*)$)");
    return re;
}
// GCC context header: `file: In instantiation of '...':`, `file: In function 'int main()':`.
const std::regex& gcc_context_re() {
    static const std::regex re(R"(^(.*?): (In |At ).*:$)");
    return re;
}
const std::regex& include_re() {
    static const std::regex re(R"(^(In file included from |\s+from ).*:\d+[:,]$)");
    return re;
}
const std::regex& summary_re() {
    static const std::regex re(
        R"(^(\d+ (warnings?|errors?)( and \d+ errors?)? generated\.|compilation terminated\.|Suppressed \d+ warnings.*|Use -header-filter=.*|Error while processing .*|Found compiler errors?.*|\d+ warnings? treated as errors?)$)");
    return re;
}
// GCC's echoed source line: `   12 |     code`; its caret line: `      |     ^~~`.
const std::regex& gcc_excerpt_re() {
    static const std::regex re(R"(^ *(\d+)? \| ?(.*)$)");
    return re;
}

Severity to_severity(const std::string& s) {
    if (s == "fatal error") return Severity::fatal;
    if (s == "error") return Severity::error;
    if (s == "warning") return Severity::warning;
    return Severity::note;
}

// Rules out prose that happens to contain ": error: " (a path has no ": " and no leading blank).
bool plausible_path(const std::string& p) { return !p.empty() && p[0] != ' ' && p.find(": ") == std::string::npos; }

int to_int(const std::ssub_match& m) { return m.matched ? std::stoi(m.str()) : 0; }

// A Clang note that is a step of the instantiation chain rather than information.
bool is_clang_chain_note(std::string_view msg) {
    return ends_with(msg, "requested here") || ends_with(msg, "required here") || starts_with(msg, "in instantiation of") ||
           starts_with(msg, "while substituting") || starts_with(msg, "while checking") ||
           starts_with(msg, "in call to") || starts_with(msg, "(skipping ") || starts_with(msg, "in evaluation of");
}

class Parser {
public:
    void line(const std::string& text) {
        std::smatch m;
        if (std::regex_match(text, m, summary_re())) {
            excerpt_ = nullptr;
            return;
        }
        if (std::regex_match(text, m, include_re())) {
            excerpt_ = nullptr;
            return;
        }
        if (std::regex_match(text, m, gcc_context_re()) && text.find(": error: ") == std::string::npos &&
            text.find(": note: ") == std::string::npos && text.find(": warning: ") == std::string::npos) {
            // A new context: the frames gathered so far belonged to nothing.
            pending_chain_.clear();
            excerpt_ = nullptr;
            return;
        }
        if (std::regex_match(text, m, diagnostic_re()) && plausible_path(m[1].str())) {
            diagnostic(Diagnostic{to_severity(m[4].str()), Location{m[1].str(), to_int(m[2]), to_int(m[3])}, m[5].str(), {}, {}, {}});
            return;
        }
        if (std::regex_match(text, m, gcc_frame_re())) {
            pending_chain_.push_back(Frame{Location{m[1].str(), to_int(m[2]), to_int(m[3])}, m[4].str()});
            excerpt_ = nullptr;
            return;
        }
        if (excerpt_) excerpt(text);
    }

    std::vector<Diagnostic> finish() { return std::move(out_); }

private:
    void diagnostic(Diagnostic d) {
        d.chain = std::move(pending_chain_);
        pending_chain_.clear();
        excerpt_lines_ = 0;
        if (d.severity == Severity::note && !out_.empty()) {
            Diagnostic& parent = out_.back();
            if (is_clang_chain_note(d.message)) {
                parent.chain.push_back(Frame{d.at, d.message});
                excerpt_ = nullptr;  // the chain note's echo is of no use
                return;
            }
            parent.notes.push_back(std::move(d));
            excerpt_ = &parent.notes.back();
            return;
        }
        out_.push_back(std::move(d));
        excerpt_ = &out_.back();
    }

    // The first excerpt line after a diagnostic is the echoed source line:
    // GCC and Clang >= 19-ish prefix it with `NN | `, older Clang prints it bare.
    void excerpt(const std::string& text) {
        ++excerpt_lines_;
        if (excerpt_lines_ > 1 || !excerpt_->source_line.empty()) return;
        std::smatch m;
        if (std::regex_match(text, m, gcc_excerpt_re())) {
            if (m[1].matched) excerpt_->source_line = m[2].str();
            return;
        }
        excerpt_->source_line = text;
    }

    std::vector<Diagnostic> out_;
    std::vector<Frame> pending_chain_;
    Diagnostic* excerpt_ = nullptr;  // the diagnostic whose echoed lines may follow
    int excerpt_lines_ = 0;
};

}  // namespace

std::vector<Diagnostic> parse_diagnostics(std::string_view compiler_output) {
    Parser p;
    for (const auto& l : split_lines(compiler_output)) p.line(l);
    return p.finish();
}

bool reports_compiler_crash(std::string_view out) {
    return out.find("internal compiler error") != std::string_view::npos ||
           out.find("PLEASE submit a bug report") != std::string_view::npos ||
           out.find("clang frontend command failed") != std::string_view::npos;
}

}  // namespace fearless::check
