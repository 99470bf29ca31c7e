// The control compile of a compile-fail case: the same file with its
// annotated lines blanked must compile. It proves each error comes from the
// line that claims it, not from a typo elsewhere in the case.
#pragma once

#include <string>
#include <vector>

#include "case/case.hpp"

namespace fearless::check {

// The case's lines with every annotated line (the line an error is expected
// on) made empty, so the other lines keep their numbers. An annotated line
// that opens a statement continued below (it does not end with `;`, `{` or
// `}`, comments aside) is blanked with its continuation lines up to the one
// that ends it. Pure.
std::string control_source(const Case& c);

// The blanked line numbers (1-based), ascending, without duplicates. Pure.
std::vector<int> control_lines(const Case& c);

}  // namespace fearless::check
