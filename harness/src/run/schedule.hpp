// In which order the pool takes the jobs: longest first, so that the workers
// finish together. Pure.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "case/case.hpp"
#include "run/compiler.hpp"
#include "run/plan.hpp"

namespace fearless::check {

// "topic/name|gcc-12": the key of a job's recorded time.
std::string timing_key(const Case& c, const Compiler& compiler);

// Job indices, in the order to start them: skips first (they take no time),
// then jobs with no recorded time (run cases, then compile-fail cases with
// their control compile, then the rest), then by recorded time, longest first.
std::vector<std::size_t> schedule_jobs(const std::vector<Job>& jobs, const std::vector<Case>& cases,
                                       const std::vector<Compiler>& compilers,
                                       const std::map<std::string, long long>& timings);

}  // namespace fearless::check
