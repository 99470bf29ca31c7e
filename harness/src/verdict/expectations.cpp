#include "verdict/expectations.hpp"

#include <algorithm>
#include <boost/regex.hpp>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

namespace fearless::check {

bool annotation_matches(const Annotation& a, const Finding& f) {
    if (!a.anywhere && (!f.in_case || f.at.line != a.line)) return false;
    std::string text = matchable_text(f);
    // Boost.Regex: iterative, so a megabyte-long template type cannot overflow the stack.
    if (a.is_regex) {
        try {
            return boost::regex_search(text, boost::regex(a.text));
        } catch (const std::runtime_error&) {
            return false;  // too complex to match (Boost gives up rather than run for ever): not a match
        }
    }
    return text.find(a.text) != std::string::npos;
}

std::vector<std::string> match_annotations(const std::vector<Annotation>& annotations,
                                           const std::vector<Finding>& errors) {
    std::vector<std::string> problems;
    std::set<int> annotated;
    std::set<const Finding*> matched_anywhere;  // errors a `//~?` accounts for, wherever they are
    for (const auto& a : annotations) {
        std::string wanted =
            a.is_regex ? fmt::format("matching /{}/", a.text) : fmt::format("containing \"{}\"", a.text);
        if (a.anywhere) {
            bool found = false;
            for (const auto& f : errors)
                if (annotation_matches(a, f)) found = true, matched_anywhere.insert(&f);
            if (!found)
                problems.push_back(fmt::format("//~? on line {}: expected an error {} anywhere, found none",
                                               a.written_on, wanted));
            continue;
        }
        annotated.insert(a.line);
        if (std::any_of(errors.begin(), errors.end(), [&](const Finding& f) { return annotation_matches(a, f); }))
            continue;
        std::vector<std::string> there;
        for (const auto& f : errors)
            if (f.in_case && f.at.line == a.line) there.push_back(f.message);
        if (there.empty()) {
            std::vector<int> lines;
            for (const auto& f : errors)
                if (f.in_case) lines.push_back(f.at.line);
            std::string where = lines.empty() ? std::string("no error on any case line")
                                              : fmt::format("errors on line(s) {}", fmt::join(lines, ", "));
            problems.push_back(
                fmt::format("line {}: expected an error {}, found none on that line ({})", a.line, wanted, where));
        } else {
            problems.push_back(fmt::format("line {}: expected an error {}, but the error there says: {}", a.line,
                                           wanted, fmt::join(there, " | ")));
        }
    }
    for (const auto& f : errors) {
        if (matched_anywhere.count(&f)) continue;
        if (!f.in_case) {
            problems.push_back(
                fmt::format("error outside the case, at {}:{} (no instantiation chain leads back to a case line): {}",
                            f.at.file, f.at.line, f.message));
        } else if (!annotated.count(f.at.line)) {
            problems.push_back(
                fmt::format("line {}: unexpected error (no //~ ERROR on that line): {}", f.at.line, f.message));
        }
    }
    return problems;
}

std::vector<Annotation> annotations_for(const std::vector<Annotation>& annotations, const Compiler& compiler) {
    std::vector<Annotation> out;
    for (const auto& a : annotations)
        if (a.only.empty() || satisfies(compiler, a.only)) out.push_back(a);
    return out;
}

}  // namespace fearless::check
