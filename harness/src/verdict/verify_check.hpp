// A -verify case judged as clang -verify judges it, on any compiler: every
// expected error, warning and note is seen (as often as its count says), and
// no error or warning is seen that no directive expects. Notes no directive
// expects are let through: compilers attach different notes to the same
// error, and a suite written for clang lists clang's.
//
// The active prefixes are the case's (default "expected") plus the compiler
// family's: `gcc-error` is expected on GCC only, `clang-error` on Clang only.
// An error raised in a header counts on the case line its instantiation chain
// leads back to, as for //~ annotations; a note counts where it is reported.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "case/case.hpp"
#include "diagnostics/parse.hpp"
#include "verdict/verdict.hpp"

namespace fearless::check {

// `family`: "gcc" or "clang". Pure.
Verdict check_verify(const Case& c, const std::vector<Diagnostic>& diags, std::string_view family,
                     const std::filesystem::path& root);

}  // namespace fearless::check
