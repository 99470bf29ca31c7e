// Runs one job, a PCH build or a compiler's `--version`: the only stage that
// starts processes (through run_process); the PCH store and compiler
// identification are handed run_build_step and run_version_step.
//
// compile-fail / compile-pass: the compiler with -fsyntax-only, plus any
// `//@ check:` tool. run-pass / run-fail: compile and link into a fresh
// temporary directory, then run the program in another fresh directory with a
// timeout and resource limits. Raw results only; judging is verdict/judge.cpp's job.
//
// A JobPlan adds what makes a run fast and sound: the PCH arguments (a compile the
// compiler rejects them for is run again without), the dependency file the
// result cache keys on, and a compile-fail case's control compile.
#pragma once

#include <optional>
#include <string>

#include "case/case.hpp"
#include "run/commands.hpp"
#include "run/compiler.hpp"
#include "run/process/process.hpp"

namespace fearless::check {

struct StepRun {
    Command command;
    ProcessResult result;
};

// What a job adds to the plain compile.
struct JobPlan {
    std::vector<std::string> pch_args;          // Pch::use_args, or empty
    std::vector<std::string> control_pch_args;  // for the control compile (its first include may differ)
    bool record_deps = false;                   // -MD: report what the compile read
    bool control = false;                       // also compile control_source() (compile-fail cases)
};

struct JobOutput {
    std::optional<StepRun> compile;
    std::optional<StepRun> control;  // the case with its annotated lines blanked, -fsyntax-only
    std::vector<StepRun> checkers;   // one per `//@ check:`
    std::optional<StepRun> program;
    std::string setup_error;                       // e.g. no temporary directory; the job fails with it
    std::optional<std::vector<std::string>> deps;  // what the compile read (JobPlan::record_deps); nullopt: unknown
    bool pch_rejected = false;                     // the compiler refused the PCH; the compile ran again without it
    std::string launcher_error;                    // the launcher failed, not the compiler (launcher_failure)
    std::vector<std::string> launcher_said;        // what the launcher printed (taken out of the compilers' stderr)
};

JobOutput run_job(const Case& c, const Compiler& compiler, const RunSettings& settings, const JobPlan& plan = {});

// Runs a command that is not part of a job (a PCH build) with the compile limits.
ProcessResult run_build_step(const Command& cmd, const RunSettings& settings);

// Runs a compiler's `--version` (identify_compiler), with 30 s to answer.
ProcessResult run_version_step(const Command& cmd);

}  // namespace fearless::check
