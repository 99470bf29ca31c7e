#include "diagnostics/parse.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "util/text.hpp"

namespace fearless::check {

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::note:
            return "note";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
        case Severity::fatal:
            return "fatal error";
    }
    return "?";
}

namespace {

// Hand-written matching, no std::regex: libstdc++'s regex recurses once per
// character and overflows the stack on the megabyte-long lines that template
// errors produce.

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// Rules out prose that happens to contain ": error: " (a path has no ": " and no leading blank).
bool plausible_path(std::string_view p) {
    return !p.empty() && p[0] != ' ' && p[0] != '\t' && p.find(": ") == std::string_view::npos;
}

// "file:12:5", "file:12" or "file" → a Location; nullopt if the file part is not a plausible path.
std::optional<Location> parse_location(std::string_view prefix, bool need_line) {
    Location loc;
    std::string_view rest = prefix;
    std::vector<std::string_view> numbers;
    while (numbers.size() < 2) {
        auto colon = rest.rfind(':');
        if (colon == std::string_view::npos || !is_digits(rest.substr(colon + 1))) break;
        numbers.push_back(rest.substr(colon + 1));
        rest = rest.substr(0, colon);
    }
    if (!plausible_path(rest) || (need_line && numbers.empty())) return std::nullopt;
    loc.file = std::string(rest);
    if (numbers.size() == 2) {
        loc.line = to_int(numbers[1]);
        loc.column = to_int(numbers[0]);
    } else if (numbers.size() == 1) {
        loc.line = to_int(numbers[0]);
    }
    return loc;
}

struct Parsed {
    Severity severity;
    Location at;
    std::string message;
};

// `file:line:col: severity: message` (also without col, line, or with a program name as the file).
std::optional<Parsed> parse_diagnostic_line(std::string_view line) {
    static const std::pair<std::string_view, Severity> markers[] = {{": fatal error: ", Severity::fatal},
                                                                    {": error: ", Severity::error},
                                                                    {": warning: ", Severity::warning},
                                                                    {": note: ", Severity::note}};
    std::size_t best = std::string_view::npos;
    std::string_view marker;
    Severity severity = Severity::note;
    for (const auto& [m, sev] : markers) {
        auto pos = line.find(m);
        if (pos < best) {
            best = pos;
            marker = m;
            severity = sev;
        }
    }
    if (best == std::string_view::npos) return std::nullopt;
    auto loc = parse_location(line.substr(0, best), false);
    if (!loc) return std::nullopt;
    return Parsed{severity, *loc, std::string(line.substr(best + marker.size()))};
}

// GCC chain frame: `file:line:col:   required from here` (three spaces set it apart).
std::optional<Frame> parse_gcc_frame(std::string_view line) {
    auto pos = line.find(":   ");
    if (pos == std::string_view::npos) return std::nullopt;
    auto loc = parse_location(line.substr(0, pos), true);
    if (!loc) return std::nullopt;
    return Frame{*loc, std::string(trim(line.substr(pos + 1)))};
}

// GCC context header: `file: In instantiation of '...':`, `file: In function 'int main()':`, `file: At global scope:`.
bool is_gcc_context(std::string_view line) {
    if (!ends_with(line, ":")) return false;
    auto pos = std::min(line.find(": In "), line.find(": At "));
    return pos != std::string_view::npos && plausible_path(line.substr(0, pos));
}

bool is_include_line(std::string_view line) {
    if (!ends_with(line, ":") && !ends_with(line, ",")) return false;
    return starts_with(line, "In file included from ") || starts_with(trim(line), "from ");
}

bool is_summary_line(std::string_view line) {
    bool counted = !line.empty() && line[0] >= '0' && line[0] <= '9';
    return (counted && (ends_with(line, " generated.") || line.find(" treated as error") != std::string_view::npos)) ||
           line == "compilation terminated." || starts_with(line, "Suppressed ") ||
           starts_with(line, "Use -header-filter=") || starts_with(line, "Error while processing ") ||
           starts_with(line, "Found compiler error");
}

// GCC's (and newer Clang's) echoed source line: `   12 |     code`; its caret line: `      |     ^~~`.
// Returns whether the line has the gutter, and sets `source` when it carries a line number.
bool parse_gutter(std::string_view line, std::string& source) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t digits = i;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    bool numbered = digits > i;
    std::size_t bar = digits;
    while (bar < line.size() && line[bar] == ' ') ++bar;
    if (bar >= line.size() || line[bar] != '|' || (numbered && bar == digits) || (!numbered && i == 0)) return false;
    std::size_t text = bar + 1;
    if (text < line.size() && line[text] == ' ') ++text;
    if (numbered) source = std::string(line.substr(text));
    return true;
}

// A Clang note that is a step of the instantiation chain rather than information.
bool is_clang_chain_note(std::string_view msg) {
    return ends_with(msg, "requested here") || ends_with(msg, "required here") ||
           starts_with(msg, "in instantiation of") || starts_with(msg, "while substituting") ||
           starts_with(msg, "while checking") || starts_with(msg, "in call to") || starts_with(msg, "(skipping ") ||
           starts_with(msg, "in evaluation of");
}

class Parser {
  public:
    void line(const std::string& text) {
        if (is_summary_line(text) || is_include_line(text)) {
            excerpt_ = nullptr;
            return;
        }
        if (auto d = parse_diagnostic_line(text)) {
            diagnostic(Diagnostic{d->severity, std::move(d->at), std::move(d->message), {}, {}, {}});
            return;
        }
        if (is_gcc_context(text)) {
            // A new context: the frames gathered so far belonged to nothing,
            // and the next error does not continue the last instantiation.
            pending_chain_.clear();
            new_context_ = true;
            excerpt_ = nullptr;
            return;
        }
        if (auto frame = parse_gcc_frame(text)) {
            pending_chain_.push_back(std::move(*frame));
            excerpt_ = nullptr;
            return;
        }
        if (excerpt_) excerpt(text);
    }

    std::vector<Diagnostic> finish() {
        inherit_chains();
        return std::move(out_);
    }

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
        continues_.push_back(!new_context_);
        new_context_ = false;
        out_.push_back(std::move(d));
        excerpt_ = &out_.back();
    }

    // GCC and Clang print an instantiation chain only when it differs from the
    // last one printed, so a second error raised in the same instantiation
    // comes without one: it inherits the chain of the diagnostic before it.
    // A GCC context line ("In function ...", "In instantiation of ...")
    // between them means a new context, and nothing is inherited. Done once
    // all lines are read, because Clang's chain follows its error.
    void inherit_chains() {
        for (std::size_t i = 1; i < out_.size(); ++i)
            if (out_[i].chain.empty() && continues_[i]) out_[i].chain = out_[i - 1].chain;
    }

    // The first excerpt line after a diagnostic is the echoed source line:
    // GCC and Clang >= 19-ish prefix it with `NN | `, older Clang prints it bare.
    void excerpt(const std::string& text) {
        ++excerpt_lines_;
        if (excerpt_lines_ > 1 || !excerpt_->source_line.empty()) return;
        std::string source;
        if (parse_gutter(text, source)) {
            excerpt_->source_line = source;
            return;
        }
        excerpt_->source_line = text;
    }

    std::vector<Diagnostic> out_;
    std::vector<bool> continues_;  // per entry of out_: no new GCC context began before it
    bool new_context_ = false;
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
