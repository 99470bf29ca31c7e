#include "run/process/stop.hpp"

#include <atomic>
#include <csignal>
#include <mutex>
#include <set>

namespace fearless::check {
namespace {

std::atomic<int> stop_state{-1};  // -1: running; otherwise the signal (0: none) that stopped it

// The live children. The mutex makes "register unless stopped" and "stop,
// then kill everyone registered" exclusive: no child slips between them.
std::mutex live_mutex;
std::set<pid_t>& live() {
    static std::set<pid_t> children;
    return children;
}

void kill_group(pid_t pid) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);  // in case the child moved itself to another group
}

}  // namespace

void request_stop(int signal) {
    std::lock_guard lock(live_mutex);
    int running = -1;
    stop_state.compare_exchange_strong(running, signal);
    for (pid_t pid : live()) kill_group(pid);
}

bool stop_requested() { return stop_state.load() >= 0; }

int stop_signal() { return stop_state.load() > 0 ? stop_state.load() : 0; }

namespace proc {

bool register_child(pid_t pid) {
    std::lock_guard lock(live_mutex);
    if (stop_requested()) return false;
    live().insert(pid);
    return true;
}

void unregister_child(pid_t pid) {
    std::lock_guard lock(live_mutex);
    live().erase(pid);
}

}  // namespace proc

}  // namespace fearless::check
