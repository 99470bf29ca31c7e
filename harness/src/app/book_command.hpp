// --book DIR and --explain CASE: the suite as teaching material (book/).
#pragma once

#include <ostream>

#include "app/app.hpp"
#include "app/options.hpp"

namespace fearless::check {

// Where the Rust Book listings and rustc's messages about them live, under the root.
inline constexpr const char* rust_listings_dir = "book/rust";

// Exit status: 0 written/printed, 1 a case is malformed, 2 no such case or the book cannot be written.
int run_book_command(const Options& options, std::ostream& out, std::ostream& err, Terminal terminal);

}  // namespace fearless::check
