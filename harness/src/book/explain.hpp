// One page of the book in the terminal, rustc --explain style: the rule, the
// teaching text, the code with its annotated lines marked, the diagnostic per
// compiler family, rustc's for a Rust Book listing, the fix as a diff.
// Prose is wrapped to `width`; colour only when `colour` (a terminal).
#pragma once

#include <string>

#include "book/page.hpp"

namespace fearless::check {

std::string explain_page(const Page& page, bool colour, int width = 80);

// The page `what` names: a case file ("cases/x/y.cpp"), its id ("x/y") or its
// name ("y") when only one case has it; nullptr otherwise.
const Page* find_page(const Book& book, const std::string& what);

}  // namespace fearless::check
