// The book as static HTML: DIR/index.html (the rules, their cases, a filter)
// and DIR/cases/<id>.html (one page per case). Every page is self-contained.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "book/page.hpp"

namespace fearless::check {

std::string index_html(const Book& book);
std::string page_html(const Book& book, const Page& page);
// Where a page lives, relative to DIR: "cases/listings/16-14-rc-across-threads.html".
std::string page_path(const Page& page);

// Writes every file; returns a description per failure (empty: all written).
std::vector<std::string> write_book_html(const Book& book, const std::filesystem::path& dir);

}  // namespace fearless::check
