// Cases × compilers → jobs. Pure: what to run, not how.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "case/case.hpp"
#include "run/compiler.hpp"

namespace fearless::check {

struct Job {
    std::size_t case_index = 0;
    std::size_t compiler_index = 0;
    std::string skip_reason;      // non-empty: reported as SKIP, not run
    bool control = false;         // also runs the case's control compile (see plan_jobs)
    std::string control_by = {};  // the sibling revision that is this job's control instead (see plan_jobs)
};

// One job per well-formed case and compiler, in case order; `only:` misses are skips.
// A compile-fail case's control compile (its annotated lines blanked must compile)
// runs once per case, in the job of the first compiler that runs it: a typo
// elsewhere in the file breaks it on every compiler, so one proof is enough and
// the cold run does a quarter of the control compiles it would with four compilers.
// A compile-fail revision whose sibling revision of the same file must compile
// on the same compiler has that sibling as its control there (`control_by`): it
// proves the error comes from what the revisions change, so no lines are blanked.
std::vector<Job> plan_jobs(const std::vector<Case>& cases, const std::vector<Compiler>& compilers);

}  // namespace fearless::check
