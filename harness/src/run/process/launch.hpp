// Phase 2 of run_process: forks and execs the prepared child, leader of its
// own process group, through Boost.Process v2 (1.81).
#pragma once

#include <string>

#include <sys/types.h>
#include <boost/asio/io_context.hpp>

#include "run/process/prepare.hpp"

namespace fearless::check::proc {

// Kills the child's group and reaps the child unless that already happened:
// whatever goes wrong after the fork, no child outlives run_process().
struct ChildGuard {
    pid_t pid = -1;
    bool reaped = false;
    ~ChildGuard();
};

// Starts the child on `ctx` (the pid in `child`) and closes the parent's copies
// of the child's ends. false: it did not start, `why` says why (the guard
// reaps a child whose exec failed: the launcher leaves it unreaped).
bool launch(boost::asio::io_context& ctx, const Command& cmd, Prepared& p, ChildGuard& child, std::string& why);

}  // namespace fearless::check::proc
