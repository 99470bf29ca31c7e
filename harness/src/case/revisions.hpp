// Revisions: one case file, several configurations (issue 15).
//
//     //@ revisions: ok bad
//     //@[ok] compile-pass
//     //@[bad] compile-fail
//     #ifdef FEARLESS_REVISION_bad
//     spawn(work, r); //~[bad] ERROR cannot be sent between threads safely
//     #endif
//
// Each revision is a Case of its own, as parse_case sees the file with that
// revision's scoped lines (`//@[a,b] ...`, `//~[a] ...`) applied and the other
// revisions' dropped. Unscoped lines apply to every revision; a scoped
// directive that may be given once (only, std, stdout, timeout, limits,
// verify-prefixes) replaces the unscoped one for its revisions, and a list
// (flags, check, mirrors) adds to it. Every revision is compiled with
// -DFEARLESS_REVISION_<name>, and its id and display carry the name:
// "topic/name.bad", "cases/topic/name.cpp[bad]".
//
// A -verify case checks, per revision, the prefixes named for it: by default
// the revision's name and the folder's (or "expected"); `//@[R] verify-prefixes:
// a,b` names them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "case/case.hpp"

namespace fearless::check {

// One Case per revision of `text` (file, id and display set in `identity`,
// and the folder's verify settings), in the order `//@ revisions:` names them;
// a file without revisions gives one Case, as parse_case does. A malformed
// revisions setup (a bad or repeated name, a scope naming no declared
// revision, a scope in a file without revisions) gives one malformed Case
// naming file and line. Pure; never throws.
std::vector<Case> parse_cases(std::string_view text, Case identity);

// The names `//@ revisions:` declares in `text`, as written (empty: none, or
// the line is malformed). For the stale expected-file check.
std::vector<std::string> declared_revisions(std::string_view text);

// The macro a revision is compiled with: "FEARLESS_REVISION_bad".
std::string revision_macro(std::string_view revision);

}  // namespace fearless::check
