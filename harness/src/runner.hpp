// Runs one job: the only stage that starts processes (through run_process).
//
// compile-fail / compile-pass: the compiler with -fsyntax-only, plus any
// `//@ check:` tool. run-pass / run-fail: compile and link into a fresh
// temporary directory, then run the program in another fresh directory with a
// timeout and resource limits. Raw results only; judging is check.cpp's job.
#pragma once

#include <optional>
#include <string>

#include "case.hpp"
#include "compiler.hpp"
#include "plan.hpp"
#include "process.hpp"

namespace fearless::check {

struct StepRun {
    Command command;
    ProcessResult result;
};

struct JobOutput {
    std::optional<StepRun> compile;
    std::vector<StepRun> checkers;  // one per `//@ check:`
    std::optional<StepRun> program;
    std::string setup_error;        // e.g. no temporary directory; the job fails with it
};

JobOutput run_job(const Case& c, const Compiler& compiler, const RunSettings& settings);

}  // namespace fearless::check
