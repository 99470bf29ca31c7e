// The book's page model: the suite's cases as chapters (one per rule) of
// pages (one per case), from the case files and the blessed expected files
// only — no compiler runs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "book/rules.hpp"
#include "book/snapshots.hpp"
#include "case/case.hpp"

namespace fearless::check {

struct CodeLine {
    int number = 0;
    std::string text;                // the source line without its `//~` annotation
    std::vector<std::string> notes;  // the errors expected on this line
};

// The Rust Book listing a case mirrors, with what rustc says about it.
struct RustListing {
    std::string name;     // "Listing 16-14"
    std::string source;   // book/rust/16-14.rs
    std::string stderr;   // rustc's output (empty: rustc accepts it)
    std::string version;  // "rustc 1.95.0 (...)"
};

struct Page {
    Case c;
    const Rule* rule = nullptr;
    std::vector<std::string> prose;  // the teaching comment, one string per paragraph
    std::vector<CodeLine> code;
    std::vector<SnapshotGroup> snapshots;
    std::optional<std::string> expected_stdout;  // a run case's ("": prints nothing)
    std::string fixed;                           // on a mistake: its `-fixed` twin's id ("" if none)
    std::string mistake;                         // on a twin: the mistake's id
    std::string fix_diff;                        // on a mistake with a twin: unified diff of their code
    std::optional<std::string> fixed_stdout;     // what the twin prints
    std::optional<RustListing> rust;

    std::string name() const;  // the file name without ".cpp": "16-14-rc-across-threads"
    // How the program's output is compared: "" (exactly), "in any order", "matching these regexes".
    std::string stdout_note() const;
};

struct Chapter {
    const Rule* rule = nullptr;
    std::vector<std::size_t> pages;  // into Book::pages: listings first, each mistake followed by its twin
    std::size_t mistakes = 0;        // pages that are not twins
};

struct Book {
    std::vector<Page> pages;
    std::vector<Chapter> chapters;      // in book_rules() order, only those with pages
    std::vector<std::string> problems;  // malformed cases, "file:line: what" (left out of the book)
    const Page* find(const std::string& id) const;
};

struct BookSource {
    std::filesystem::path root, cases_dir, expected_dir;
    std::filesystem::path rust_dir;  // <listing>.rs + .stderr; missing: no rustc column
    std::vector<std::string> paths;  // as for a run: empty means every case
    std::string filter;
};

// The teaching comment: the `//` lines after the directives, before the code.
std::vector<std::string> teaching_prose(const Case& c);
// The code after the directives and the teaching comment (the prose shows those), numbered as in the file.
std::vector<CodeLine> code_lines(const Case& c);
// "Listing 16-14" → "16-14", "Listing 16-1" → "16-01" (as book/rust/ names them); "" if not a listing.
std::string listing_key(const std::string& mirrors);

Book build_book(const BookSource& source);

}  // namespace fearless::check
