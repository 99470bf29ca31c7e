// How one job is judged: raw results + the case + its expected files → a verdict.
//
// It applies what each mode means (case/case.hpp's ModeTraits, the one place
// that says it) to the raw results. It is pure (no processes, no files, no
// printing), so the judging is unit-testable on captured outputs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "case/case.hpp"
#include "diagnostics/finding.hpp"
#include "run/runner.hpp"
#include "verdict/expected_files.hpp"
#include "verdict/verdict.hpp"

namespace fearless::check {

struct CheckInput {
    const Case& c;
    const JobOutput& out;
    const std::filesystem::path& root;
    const ExpectedFile& expected_stderr;
    const ExpectedFile& expected_stdout;
    bool bless = false;
    // Whose family picks a -verify case's active prefixes and which `//~ ERROR[gcc]`
    // annotations count; null: every annotation.
    const Compiler* compiler = nullptr;
    std::vector<std::filesystem::path> own_dirs = {};  // NormalizeContext::others
};

Verdict check_job(const CheckInput& in);

// The errors of a job: the compiler's, plus any checker's findings, attributed and normalized.
std::vector<Finding> job_findings(const Case& c, const JobOutput& out, const std::filesystem::path& root,
                                  const std::vector<std::filesystem::path>& own_dirs = {});

// The case line a failed job is about, for annotations that point at it: the
// first annotation no error matches, else the first error on an unannotated
// line, else the first annotation or error on the case; 0 if none. Pure.
int failure_line(const Case& c, const std::vector<Finding>& errors);

// Diagnostics of a clang-tidy run that belong to `checks`, as errors.
std::vector<Diagnostic> checker_errors(const std::string& tidy_output, const std::vector<std::string>& checks);

}  // namespace fearless::check
