#include "app/interrupt.hpp"

#include <csignal>
#include <cstring>
#include <string>
#include <thread>

#include <pthread.h>
#include <unistd.h>

#include "run/process/process.hpp"
#include "run/process/stop.hpp"

namespace fearless::check {
namespace {

void say(const std::string& text) {
    // Straight to the descriptor: the main thread may be inside std::cerr.
    for (std::size_t done = 0; done < text.size();) {
        auto n = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

// A thread of its own (not a signal handler), so it may lock and print.
[[noreturn]] void wait_for_signals(sigset_t set) {
    for (int count = 0;; ) {
        int sig = 0;
        if (::sigwait(&set, &sig) != 0) continue;
        request_stop(sig);  // kills every child's group; a second time kills any still being reaped
        if (++count == 1) {
            say("\nfearless-check: " + signal_name(sig) +
                ": stopping (finished jobs are reported, the rest are not run); again to quit at once\n");
            continue;
        }
        say("fearless-check: " + signal_name(sig) + " again: quitting now\n");
        ::_exit(128 + sig);
    }
}

}  // namespace

void handle_interrupts() {
    sigset_t set;
    ::sigemptyset(&set);
    ::sigaddset(&set, SIGINT);
    ::sigaddset(&set, SIGTERM);
    if (::pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
    std::thread(wait_for_signals, set).detach();
}

}  // namespace fearless::check
