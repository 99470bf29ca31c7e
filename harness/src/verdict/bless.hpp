// --bless for one case: from what every compiler produced to expected files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "case/case.hpp"
#include "run/compiler.hpp"
#include "verdict/verdict.hpp"

namespace fearless::check {

struct JobOutcome {
    const Compiler* compiler;
    const Verdict* verdict;
};

// A line of bless_case that the run must count as a failure (a file it could
// not write, outputs it cannot choose between): never a silent exit 0.
inline constexpr std::string_view bless_failure = "bless failed: ";

// Writes (and removes) the case's expected files; returns one line per change
// or problem ("blessed expected/x.stderr", "removed ...", "bless: ..." for
// what was left alone, bless_failure lines). A compiler on which the case fails
// for any other reason is not blessed (its output is no truth to keep) and gets
// a line saying so; the others are blessed as if they alone had run. Files are
// named as util/path's shown_path names them.
std::vector<std::string> bless_case(const Case& c, const std::vector<JobOutcome>& outcomes,
                                    const std::filesystem::path& expected_dir, const std::filesystem::path& root,
                                    const std::vector<std::filesystem::path>& own_dirs = {});

}  // namespace fearless::check
