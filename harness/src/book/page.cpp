#include "book/page.hpp"

#include <algorithm>
#include <map>
#include <boost/regex.hpp>

#include <fmt/format.h>

#include "case/discover.hpp"
#include "case/revisions.hpp"
#include "run/compiler.hpp"
#include "util/file.hpp"
#include "util/text.hpp"
#include "verdict/diff.hpp"
#include "verdict/expected_files.hpp"

namespace fearless::check {

namespace {

const std::string twin_suffix = "-fixed";

// What the fix diff compares: the code without the header (the prose differs by design) and without
// the `//~` annotations (they are the expectation, not the change).
std::string code_text(const std::vector<CodeLine>& code) {
    std::string s;
    for (const auto& l : code) s += l.text + "\n";
    return s;
}

std::optional<std::string> expected_stdout(const std::filesystem::path& expected_dir, const std::string& id) {
    return load_expected(expected_dir, id, "stdout", Compiler{}).text;
}

std::optional<RustListing> rust_listing(const std::filesystem::path& rust_dir, const Case& c) {
    auto key = listing_key(c.mirrors);
    if (key.empty() || rust_dir.empty()) return std::nullopt;
    auto source = read_file(rust_dir / (key + ".rs"));
    auto stderr_text = read_file(rust_dir / (key + ".stderr"));
    if (!source || !stderr_text) return std::nullopt;
    RustListing r{"Listing " + key, *source, *stderr_text, ""};
    if (starts_with(r.stderr, "rustc ")) {
        auto eol = r.stderr.find('\n');
        r.version = r.stderr.substr(0, eol);
        r.stderr = eol == std::string::npos ? "" : r.stderr.substr(eol + 1);
    }
    return r;
}

}  // namespace

std::string Page::name() const {
    return c.file.stem().string();
}

std::string Page::stdout_note() const {
    switch (c.stdout_mode) {
        case StdoutMode::exact:
            return "";
        case StdoutMode::sorted:
            return "in any order";
        case StdoutMode::regex:
            return "matching these regexes";
    }
    return "";
}

const Page* Book::find(const std::string& id) const {
    for (const auto& p : pages)
        if (p.c.id == id) return &p;
    return nullptr;
}

std::vector<std::string> teaching_prose(const Case& c) {
    std::vector<std::string> paragraphs;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) paragraphs.push_back(std::move(current));
        current.clear();
    };
    for (const auto& raw : c.lines) {
        auto line = trim(raw);
        if (starts_with(line, "//@")) continue;
        if (!starts_with(line, "//") || starts_with(line, "//~")) break;
        auto words = trim(line.substr(2));
        if (words.empty()) {
            flush();
            continue;
        }
        if (!current.empty()) current += ' ';
        current += words;
    }
    flush();
    return paragraphs;
}

std::vector<CodeLine> code_lines(const Case& c) {
    std::vector<CodeLine> out;
    std::size_t first = 0;  // past the directives and the teaching comment
    while (first < c.lines.size() && starts_with(trim(c.lines[first]), "//") &&
           !starts_with(trim(c.lines[first]), "//~"))
        ++first;
    for (std::size_t i = first; i < c.lines.size(); ++i) {
        CodeLine l{static_cast<int>(i + 1), trim_right(c.lines[i].substr(0, c.lines[i].find("//~"))), {}};
        for (const auto& a : c.annotations)
            if (a.line == l.number) l.notes.push_back(a.is_regex ? "/" + a.text + "/" : a.text);
        out.push_back(std::move(l));
    }
    return out;
}

std::string listing_key(const std::string& mirrors) {
    static const boost::regex listing(R"(Listing (\d+)-(\d+))");
    boost::smatch m;
    if (!boost::regex_search(mirrors, m, listing)) return "";
    return fmt::format("{}-{:02}", m[1].str(), std::stoi(m[2].str()));
}

Book build_book(const BookSource& s) {
    Book book;
    auto expected_dir = s.root / s.expected_dir;
    auto found = discover_cases(s.root, s.cases_dir, s.paths, s.filter);
    for (const auto& p : found.problems) book.problems.push_back(fmt::format("{}: {}", p.path, p.message));
    for (const auto& file : found.files) {
        Case identity;
        identity.file = file;
        identity.id = case_id(s.root, s.cases_dir, file);
        identity.display = file.generic_string();
        auto text = read_file(s.root / file);
        if (!text) {
            book.problems.push_back(fmt::format("{}: cannot read the file", identity.display));
            continue;
        }
        // A page per revision: each has its own mode, annotations and snapshots.
        for (auto& c : parse_cases(*text, std::move(identity))) {
            Page page;
            page.c = std::move(c);
            if (page.c.malformed()) {
                for (const auto& p : page.c.problems) book.problems.push_back(p);
                continue;
            }
            page.rule = &rule_of(page.c);
            page.prose = teaching_prose(page.c);
            page.code = code_lines(page.c);
            page.snapshots = group_snapshots(expected_dir, page.c);
            // A run case without a .stdout file must print nothing.
            bool runs = *page.c.mode == Mode::run_pass || *page.c.mode == Mode::run_fail;
            if (runs) page.expected_stdout = expected_stdout(expected_dir, page.c.id).value_or("");
            page.rust = rust_listing(s.rust_dir.empty() ? s.rust_dir : s.root / s.rust_dir, page.c);
            book.pages.push_back(std::move(page));
        }
    }
    // A twin `x-fixed` joins its mistake `x`: the mistake shows the fix as a diff.
    std::map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < book.pages.size(); ++i) by_id[book.pages[i].c.id] = i;
    for (auto& twin : book.pages) {
        if (!ends_with(twin.c.id, twin_suffix)) continue;
        auto it = by_id.find(twin.c.id.substr(0, twin.c.id.size() - twin_suffix.size()));
        if (it == by_id.end()) continue;
        auto& mistake = book.pages[it->second];
        mistake.fixed = twin.c.id;
        twin.mistake = mistake.c.id;
        mistake.fix_diff =
            unified_diff(code_text(mistake.code), code_text(twin.code), mistake.c.display, twin.c.display);
        mistake.fixed_stdout = twin.expected_stdout;
        twin.rule = mistake.rule;
    }
    for (const auto& rule : book_rules()) {
        Chapter ch{&rule, {}, 0};
        for (std::size_t i = 0; i < book.pages.size(); ++i)
            if (book.pages[i].rule == &rule && book.pages[i].mistake.empty()) ch.pages.push_back(i);
        if (ch.pages.empty()) continue;
        auto is_listing = [&](std::size_t i) { return !listing_key(book.pages[i].c.mirrors).empty(); };
        std::stable_sort(ch.pages.begin(), ch.pages.end(),
                         [&](std::size_t a, std::size_t b) { return is_listing(a) > is_listing(b); });
        ch.mistakes = ch.pages.size();
        for (std::size_t k = 0; k < ch.pages.size(); ++k) {
            const auto& p = book.pages[ch.pages[k]];
            if (p.fixed.empty()) continue;
            ch.pages.insert(ch.pages.begin() + static_cast<std::ptrdiff_t>(++k), by_id[p.fixed]);
        }
        book.chapters.push_back(std::move(ch));
    }
    return book;
}

}  // namespace fearless::check
