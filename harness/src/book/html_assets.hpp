// The book's stylesheet and script, inlined into every page so that a page
// needs nothing else (no fonts, no network).
#pragma once

#include <string_view>

namespace fearless::check {

extern const std::string_view book_css;
// Tabs for the per-compiler snapshots (without it every snapshot shows), and
// the index's filter: typing, or `index.html?q=words`, hides the cases that
// lack a word and shows the count left in #shown.
extern const std::string_view book_js;

}  // namespace fearless::check
