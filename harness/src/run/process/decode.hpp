// Phase 4 of run_process: how the child ended, from its wait status.
#pragma once

#include "run/process/process.hpp"
#include "run/process/supervise.hpp"

namespace fearless::check::proc {

// Sets r.outcome and r.exit_code or r.signal.
void decode(const Ended& ended, ProcessResult& r);

}  // namespace fearless::check::proc
