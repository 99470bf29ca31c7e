#include "verdict/verify_check.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <boost/regex.hpp>

#include "diagnostics/attribute.hpp"

namespace fearless::check {

namespace {

// One diagnostic as a directive sees it.
struct Seen {
    VerifyKind kind;
    bool in_case = false;
    Location at;  // the case line when in_case
    std::string message;
    bool matched = false;
};

std::vector<Seen> seen_of(const std::vector<Diagnostic>& diags, const std::filesystem::path& case_file,
                          const std::filesystem::path& root) {
    // attribute() follows instantiation chains for errors; warnings go through it as errors.
    std::vector<Diagnostic> tops;
    std::vector<VerifyKind> kinds;
    for (const auto& d : diags) {
        if (d.severity == Severity::note) continue;
        tops.push_back(d);
        kinds.push_back(d.severity == Severity::warning ? VerifyKind::warning : VerifyKind::error);
        tops.back().severity = Severity::error;
    }
    const auto findings = attribute(tops, case_file, root);
    const auto case_path = (root / case_file).lexically_normal();
    std::vector<Seen> out;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto& f = findings[i];
        out.push_back(Seen{kinds[i], f.in_case, f.at, f.message});
        for (const auto& n : f.notes) {
            const bool here = !n.at.file.empty() && (root / n.at.file).lexically_normal() == case_path;
            out.push_back(Seen{VerifyKind::note, here, n.at, n.message});
        }
    }
    return out;
}

bool ends_with_path(const std::string& file, const std::string& tail) {
    return file == tail ||
           (file.size() > tail.size() && file.compare(file.size() - tail.size(), tail.size(), tail) == 0 &&
            file[file.size() - tail.size() - 1] == '/');
}

bool where_matches(const VerifyExpectation& e, const Seen& s) {
    if (!e.file.empty()) return ends_with_path(s.at.file, e.file) && s.at.line == e.line;
    return s.in_case && (e.any_line || s.at.line == e.line);
}

bool text_matches(const VerifyExpectation& e, const std::string& message) {
    if (!e.is_regex) return message.find(e.text) != std::string::npos;
    return boost::regex_search(message, boost::regex(e.text));
}

std::string where_of(const VerifyExpectation& e) {
    if (!e.file.empty()) return fmt::format("File {} Line {}", e.file, e.line);
    return e.any_line ? "Line *" : fmt::format("Line {}", e.line);
}

std::string where_of(const Seen& s) {
    if (s.in_case) return fmt::format("Line {}", s.at.line);
    return s.at.file.empty() ? "(no location)" : fmt::format("File {} Line {}", s.at.file, s.at.line);
}

}  // namespace

Verdict check_verify(const Case& c, const std::vector<Diagnostic>& diags, std::string_view family,
                     const std::filesystem::path& root) {
    auto active = c.verify_prefixes.empty() ? std::vector<std::string>{"expected"} : c.verify_prefixes;
    active.emplace_back(family);
    if (!c.revision.empty()) active.push_back(fmt::format("{}-{}", c.revision, family));  // `bad-gcc-error`
    auto is_active = [&](const std::string& p) { return std::find(active.begin(), active.end(), p) != active.end(); };

    auto seen = seen_of(diags, c.file, root);
    std::vector<std::string> missing;
    std::size_t expected_count = 0;
    for (const auto& e : c.verify.expectations) {
        if (!is_active(e.prefix)) continue;
        ++expected_count;
        int found = 0;
        for (auto& s : seen) {
            if (e.max >= 0 && found >= e.max) break;
            if (s.matched || s.kind != e.kind || !where_matches(e, s) || !text_matches(e, s.message)) continue;
            s.matched = true;
            ++found;
        }
        if (found < e.min)
            missing.push_back(fmt::format("  {}-{} {}: {}{}", e.prefix, verify_kind_name(e.kind), where_of(e), e.text,
                                          e.min > 1 ? fmt::format(" (expected {}, seen {})", e.min, found) : ""));
    }
    std::vector<std::string> unexpected;
    for (const auto& s : seen)
        if (!s.matched && s.kind != VerifyKind::note)
            unexpected.push_back(fmt::format("  {} {}: {}", verify_kind_name(s.kind), where_of(s), s.message));

    Verdict v;
    if (missing.empty() && unexpected.empty()) {
        v.status = Status::pass;
        return v;
    }
    v.status = Status::fail;
    v.reason = !missing.empty() ? fmt::format("-verify: {} expected diagnostic(s) not seen (of {}), first:{}",
                                              missing.size(), expected_count, missing.front().substr(1))
                                : fmt::format("-verify: {} diagnostic(s) seen but not expected, first:{}",
                                              unexpected.size(), unexpected.front().substr(1));
    if (!missing.empty()) v.details += fmt::format("expected but not seen:\n{}\n", fmt::join(missing, "\n"));
    if (!unexpected.empty()) v.details += fmt::format("seen but not expected:\n{}\n", fmt::join(unexpected, "\n"));
    return v;
}

}  // namespace fearless::check
