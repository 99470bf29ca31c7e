// Annotations vs. the errors a compiler reported (SPEC §5).
//
// A compile-fail case passes this stage only if every annotation is matched by
// an error on its line whose text contains it (or matches its /regex/), and no
// error lands on an unannotated line of the case or outside the case. Notes
// never count as errors on their own; their text does count towards the error
// they belong to (see matchable_text).
#pragma once

#include <string>
#include <vector>

#include "case/case.hpp"
#include "diagnostics/finding.hpp"
#include "run/compiler.hpp"

namespace fearless::check {

// One sentence per problem, e.g. `line 7: expected an error containing "may outlive", found none`.
// Empty: everything matched.
std::vector<std::string> match_annotations(const std::vector<Annotation>& annotations,
                                           const std::vector<Finding>& errors);

bool annotation_matches(const Annotation& a, const Finding& f);

// The annotations that `compiler` must meet: those without `[...]` and those whose `[...]` it satisfies.
std::vector<Annotation> annotations_for(const std::vector<Annotation>& annotations, const Compiler& compiler);

}  // namespace fearless::check
