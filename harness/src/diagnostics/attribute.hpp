// Errors → the case lines they belong to.
//
// An error raised inside a library header counts on the line of the case that
// its instantiation chain leads back to: the innermost frame inside the case
// file (GCC's "required from here" / "required from 'f'", Clang's "in
// instantiation of ... requested here"). The innermost, because when a case
// defines a helper template, the line inside that helper is the one that did
// the wrong thing. An error with no frame in the case stays where it was
// raised and is reported as an error outside the case.
#pragma once

#include <filesystem>
#include <vector>

#include "diagnostics/finding.hpp"
#include "diagnostics/parse.hpp"

namespace fearless::check {

// Errors (and fatal errors) of `diags`, attributed. Paths are compared after
// resolving them against `root` (the compilers' working directory), lexically:
// no file system access.
std::vector<Finding> attribute(const std::vector<Diagnostic>& diags, const std::filesystem::path& case_file,
                               const std::filesystem::path& root);

}  // namespace fearless::check
