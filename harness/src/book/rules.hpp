// The book's chapters: the rules of SPEC §4, each known by the phrase its
// errors contain, plus the two rules checked by tools (use after send, a
// dangling borrow), then "other errors" and the valid programs.
#pragma once

#include <string>
#include <vector>

#include "case/case.hpp"

namespace fearless::check {

struct Rule {
    std::string slug;                  // for anchors: "not-send"
    std::string title;                 // the phrase, as SPEC §4 gives it
    std::string misuse;                // what brings it on
    std::vector<std::string> phrases;  // an annotation containing any of them belongs here
};

// In SPEC §4's order; the last two: "other errors", then the valid programs.
const std::vector<Rule>& book_rules();

// The rule of the first annotation whose text holds a rule's phrase; a case
// without annotations: the valid programs; no phrase known: other errors.
const Rule& rule_of(const Case& c);

}  // namespace fearless::check
