// A case file and what its directives and annotations ask for (SPEC §5).
//
//     //@ compile-fail
//     //@ only: clang>=19
//     spawn(work, r); //~ ERROR cannot be sent between threads safely
//
// parse_case() turns the text of one file into a Case; it never throws. A
// malformed file (unknown directive, no mode, two modes, a compile-fail case
// without annotations, an annotation above line 1 ...) comes back with
// `problems` set, each "cases/x/y.cpp:LINE: what is wrong", and is reported as
// a failure of that case, never run.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "case/verify.hpp"

namespace fearless::check {

enum class Mode { compile_fail, compile_pass, run_pass, run_fail };
enum class StdoutMode { exact, sorted, regex };

// What each mode means, in this one place: the parser, the planner, the
// scheduler, the runner and the judge ask it instead of naming modes.
struct ModeTraits {
    std::string_view name;  // its directive: "compile-fail"
    bool rejected;          // the compile must fail: //~ ERROR annotations, a control compile
    bool runs;              // compiled, linked and run (else -fsyntax-only)
    bool program_fails;     // the program must end in failure (run-fail)
};
inline constexpr std::array<Mode, 4> all_modes = {Mode::compile_fail, Mode::compile_pass, Mode::run_pass,
                                                  Mode::run_fail};
const ModeTraits& traits(Mode m);
std::string_view mode_name(Mode m);

// One alternative of `//@ only:`: a family and optionally a version bound.
struct CompilerReq {
    std::string family;  // "gcc" or "clang"
    std::string op;      // "", ">=", ">", "<=", "<", "=="
    int version = 0;
};

// `//~ ERROR text` (substring) or `//~ ERROR /regex/` (Perl syntax, searched with Boost.Regex);
// `//~ ERROR[gcc] text`, `//~ ERROR[clang>=19] text`: expected only from those compilers.
// `//~? ERROR text`: an error anywhere (a header no chain leads back from, the linker).
struct Annotation {
    int line = 0;        // the case line the error is expected on (0 for `//~?`)
    int written_on = 0;  // the line holding the annotation
    std::string text;
    bool is_regex = false;
    std::vector<CompilerReq> only = {};  // empty: every compiler
    bool anywhere = false;               // `//~?`: matches an error wherever it was reported
};

// `//@ check: clang-tidy bugprone-use-after-move`: another checker whose findings count as errors.
struct Checker {
    std::string tool;                 // "clang-tidy", the one checker the parser accepts
    std::vector<std::string> checks;  // e.g. {"bugprone-use-after-move"}
};

// `//@ limits: memory=512M file=16M output=1M`: what a run case's program may
// use (bytes; unset: the defaults of run/commands.cpp's program_limits).
struct CaseLimits {
    std::optional<unsigned long> memory;  // address space
    std::optional<unsigned long> file;    // the largest file it may write
    std::optional<unsigned long> output;  // bytes of stdout and of stderr kept; past it the program is killed
};

struct Case {
    std::filesystem::path file;  // as the compiler is given it (relative to the root when under it)
    std::string id;              // "topic/name": path under the cases dir, without ".cpp"
    std::string display;         // what reports show, e.g. "cases/topic/name.cpp"
    std::string revision;        // the `//@ revisions:` name this Case is (id "topic/name.REV",
                                 // display "cases/topic/name.cpp[REV]"); empty: the file has none

    std::optional<Mode> mode;
    std::string mirrors;
    std::vector<CompilerReq> only = {};  // empty: every compiler
    std::vector<std::string> flags;
    std::string std_version;  // `//@ std: c++17`; empty: the run's (config "std", default c++20)
    StdoutMode stdout_mode = StdoutMode::exact;
    std::optional<double> timeout_s;
    CaseLimits limits;
    std::vector<Checker> checks;
    std::vector<Annotation> annotations;

    // clang -verify annotations instead of //~ (case/verify.hpp). The loader sets
    // verify_style from the folder's fearless-check.json ("annotations": "verify");
    // parse_case also sets it for a file with `expected-` directives and no mode.
    bool verify_style = false;
    std::vector<std::string> verify_prefixes;  // the folder's "verify_prefixes" (-verify=a,b); empty: "expected"
    VerifyAnnotations verify;

    std::vector<std::string> lines;     // the source, for rendering the user's line
    std::vector<std::string> problems;  // non-empty: malformed, do not run

    bool malformed() const { return !problems.empty(); }
    // Some annotation is `//~?`: no line to blank, so no control compile, and the report says so.
    bool matches_anywhere() const;
};

// Parses `text`, the content of the file whose identity is given in `identity`
// (file, id and display set; the rest is filled in).
Case parse_case(std::string_view text, Case identity);

// Whether `key` names a directive that may be given at most once (a revision's
// scoped one then replaces the unscoped one; case/revisions.hpp).
bool directive_given_once(std::string_view key);

// Whether `text` names a language standard the compilers take as -std=TEXT: c++17, gnu++20, c++2b ...
bool is_std_version(std::string_view text);

// Parses one `only:` alternative such as "clang>=19"; nullopt if it is not one.
std::optional<CompilerReq> parse_compiler_req(std::string_view text);

}  // namespace fearless::check
