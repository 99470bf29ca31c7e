// clang -verify annotations, read from a case so that every compiler can be
// checked against them (LLVM lit, libc++ .verify.cpp, nocompile suites):
//
//     int x = "s";  // expected-error {{cannot initialize}}
//     // expected-warning@+1 {{unused variable 'y'}}
//     int y;
//     f();          // expected-error-re {{no matching function for call to 'f'{{.*}}}}
//     g();          // expected-note 2 {{candidate}}  (counts: N, N+, N-M)
//     // expected-no-diagnostics
//
// A directive is PREFIX-KIND[-re][@LOC] [COUNT] {{TEXT}} inside a comment;
// PREFIX is "expected" or any other (-verify=foo: `foo-error`), KIND is error,
// warning or note, LOC is +N / -N (relative), N (absolute), file:N (a line of
// another file, matched by the end of its path) or * (any line of the case).
// Text matches as -verify matches it: a substring; with -re, the {{...}}
// inside TEXT are regexes and the rest is literal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fearless::check {

enum class VerifyKind { error, warning, note };

struct VerifyExpectation {
    std::string prefix = "expected";
    VerifyKind kind = VerifyKind::error;
    int line = 0;  // the line expected on; 0 with any_line
    bool any_line = false;
    std::string file;  // empty: the case; else the path's end, from @file:N
    std::string text;  // literal text, or a regex (is_regex) built from -re's pieces
    bool is_regex = false;
    int min = 1, max = 1;  // max < 0: no upper bound
    int written_on = 0;
};

struct VerifyAnnotations {
    std::vector<VerifyExpectation> expectations;
    std::vector<std::string> no_diagnostics;  // the prefixes that said PREFIX-no-diagnostics
    std::vector<std::string> problems;        // "LINE: what is wrong"
};

// The prefixes a case may use: the configured ones (-verify=a,b; default
// "expected") and one per compiler family, for text a family words its own way
// (`// gcc-error {{...}}` is checked on GCC only, `clang-error` on Clang only);
// in a revision REV also REV-gcc and REV-clang (`// bad-gcc-error {{...}}`).
std::vector<std::string> verify_prefixes(const std::vector<std::string>& configured, const std::string& revision = "");

// Every -verify directive of `lines` with one of `prefixes` (the judge picks
// those active for a compiler). Pure.
VerifyAnnotations parse_verify(const std::vector<std::string>& lines, const std::vector<std::string>& prefixes);

// True when `lines` hold a directive of one of `prefixes` (`expected-error`) and no `//@` mode:
// such a file needs no header.
bool looks_like_verify_case(const std::vector<std::string>& lines,
                            const std::vector<std::string>& prefixes = {"expected"});

std::string_view verify_kind_name(VerifyKind k);

struct Case;

// Reads `c.lines` as a -verify case: its expectations, problems (with file and
// line), and its mode when no `//@` gives one: compile-fail if it expects an
// error (for any prefix), else compile-pass. Errors on case lines are also
// mirrored into `c.annotations`, for the book.
void read_verify_annotations(Case& c);

}  // namespace fearless::check
