#include "diagnostics/normalize.hpp"

#include <algorithm>
#include <boost/regex.hpp>

#include "util/path.hpp"
#include "util/text.hpp"

namespace fearless::check {

namespace {

std::string relative(const std::string& file, const NormalizeContext& ctx) {
    if (file.empty()) return file;
    return shown_path(ctx.root, ctx.others, file).generic_string();
}

// The absolute prefixes that relative() strips, as a message may spell them:
// each base as given and canonical, in the order shown_path tries them.
std::vector<std::string> absolute_prefixes(const NormalizeContext& ctx) {
    std::vector<std::string> out;
    auto add = [&](const std::filesystem::path& p) {
        if (!p.is_absolute()) return;
        std::string s = p.lexically_normal().generic_string();
        if (!s.empty() && s.back() != '/') s += '/';
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    add(ctx.root);
    add(canonical_path(ctx.root));
    for (const auto& base : ctx.others) {
        add(base);
        add(canonical_path(base));
    }
    return out;
}

}  // namespace

// Paths under the root (or another project folder) are written relative to it,
// in the locations and inside messages.
Findings relative_paths(Findings fs, const NormalizeContext& ctx) {
    const auto prefixes = absolute_prefixes(ctx);
    auto fix = [&](Location& l) { l.file = relative(l.file, ctx); };
    auto fix_text = [&](std::string& t) {
        for (const auto& prefix : prefixes) t = replace_all(std::move(t), prefix, "");
    };
    for (auto& f : fs) {
        fix(f.at);
        fix(f.raised_at);
        fix_text(f.message);
        for (auto& n : f.notes) {
            fix(n.at);
            fix_text(n.message);
        }
    }
    return fs;
}

// GCC, Clang 14 and Clang 16+ word a failed static_assert differently; the
// library's message is what teaches, so all become "static assertion failed: MSG".
// Boost.Regex, not std::regex: libstdc++'s recurses per character and a
// requirement spelling out template types can be megabytes long.
Findings unify_static_assert(Findings fs, const NormalizeContext&) {
    static const std::vector<std::pair<boost::regex, std::string>> rules = {
        {boost::regex(R"re(^static_assert failed due to requirement '.*' "(.*)"$)re"), "static assertion failed: $1"},
        {boost::regex(R"re(^static_assert failed due to requirement '.*'$)re"), "static assertion failed"},
        {boost::regex(R"re(^static_assert failed "(.*)"$)re"), "static assertion failed: $1"},
        {boost::regex(R"re(^static_assert failed$)re"), "static assertion failed"},
        {boost::regex(R"re(^static assertion failed due to requirement '.*': (.*)$)re"), "static assertion failed: $1"},
        {boost::regex(R"re(^static assertion failed due to requirement '.*'$)re"), "static assertion failed"},
    };
    for (auto& f : fs) {
        for (const auto& [re, replacement] : rules) {
            if (boost::regex_match(f.message, re)) {
                f.message = boost::regex_replace(f.message, re, replacement);
                break;
            }
        }
    }
    return fs;
}

// Of the notes, only those pointing at a declaration in the project (not the
// standard library) stay: "declared here" / "marked deleted here" carry the
// reason of `= delete` in their echoed line. The rest is compiler-specific noise.
Findings keep_teaching_notes(Findings fs, const NormalizeContext&) {
    for (auto& f : fs) {
        // Trimmed before the test: an echo of only blanks is no echo (else a second pass would drop it).
        for (auto& n : f.notes) n.source_line = trim_right(n.source_line);
        std::erase_if(f.notes, [](const Diagnostic& n) {
            // GCC: "declared here"; Clang: "... explicitly marked deleted here", and for a
            // deleted overload "candidate function has been explicitly deleted".
            bool teaches = ends_with(n.message, "declared here") || ends_with(n.message, "deleted here") ||
                           ends_with(n.message, "has been explicitly deleted");
            bool in_project = !n.at.file.empty() && n.at.file.front() != '/';
            return !(teaches && in_project && !n.source_line.empty());
        });
        for (auto& n : f.notes) {
            n.notes.clear();
            n.chain.clear();
        }
    }
    return fs;
}

Findings drop_duplicates(Findings fs, const NormalizeContext&) {
    Findings out;
    for (auto& f : fs) {
        bool seen = std::any_of(out.begin(), out.end(), [&](const Finding& o) {
            return o.message == f.message && o.at == f.at && o.in_case == f.in_case;
        });
        if (!seen) out.push_back(std::move(f));
    }
    return out;
}

// Case lines in order, then errors outside the case: compilers differ in the
// order they report templates in.
Findings order_by_line(Findings fs, const NormalizeContext&) {
    std::stable_sort(fs.begin(), fs.end(), [](const Finding& a, const Finding& b) {
        if (a.in_case != b.in_case) return a.in_case;
        return a.at.line < b.at.line;
    });
    return fs;
}

// With `= delete("reason")` (Clang 19+, GCC 15) the reason is in the error
// itself; the declaration's echo would only repeat it. A note goes when a
// string literal on its echoed line already stands in the message.
Findings drop_notes_the_message_says(Findings fs, const NormalizeContext&) {
    for (auto& f : fs) {
        std::erase_if(f.notes, [&](const Diagnostic& n) {
            const std::string& src = n.source_line;
            for (auto open = src.find('"'); open != std::string::npos;) {
                auto close = src.find('"', open + 1);
                if (close == std::string::npos) break;
                auto literal = src.substr(open + 1, close - open - 1);
                if (literal.size() >= 8 && f.message.find(literal) != std::string::npos) return true;
                open = src.find('"', close + 1);
            }
            return false;
        });
    }
    return fs;
}

const std::vector<NormalizeStep>& normalize_steps() {
    static const std::vector<NormalizeStep> steps = {
        {"relative_paths", relative_paths},
        {"unify_static_assert", unify_static_assert},
        {"keep_teaching_notes", keep_teaching_notes},
        {"drop_duplicates", drop_duplicates},
        {"order_by_line", order_by_line},
        {"drop_notes_the_message_says", drop_notes_the_message_says},
    };
    return steps;
}

Findings normalize(Findings findings, const NormalizeContext& ctx) {
    for (const auto& step : normalize_steps()) findings = step.apply(std::move(findings), ctx);
    return findings;
}

}  // namespace fearless::check
