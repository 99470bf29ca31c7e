// Phase 3 of run_process: reads both of the child's streams to their end while
// waiting for it, and kills its process group at the timeout.
#pragma once

#include <boost/asio/io_context.hpp>

#include "run/process/launch.hpp"
#include "run/process/prepare.hpp"
#include "run/process/process.hpp"

namespace fearless::check::proc {

// How the child ended, undecoded.
struct Ended {
    int status = 0;  // the wait status
    bool timed_out = false;
};

// Runs `ctx` until the child has been reaped and both pipes are closed; the
// streams go to r.out / r.err (up to limits.output_cap each).
Ended supervise(boost::asio::io_context& ctx, ChildGuard& child, Prepared& p, const Limits& limits, ProcessResult& r);

}  // namespace fearless::check::proc
