#include "run/process/decode.hpp"

#include <csignal>
#include <cstring>
#include <string>

#include <sys/wait.h>

namespace fearless::check {
namespace {

std::string seconds_text(std::chrono::milliseconds ms) {
    long long v = ms.count();
    std::string s = std::to_string(v / 1000);
    if (long long frac = v % 1000; frac != 0) {
        std::string f = std::to_string(frac);
        f.insert(0, 3 - f.size(), '0');
        while (f.back() == '0') f.pop_back();
        s += "." + f;
    }
    return s + " s";
}

}  // namespace

void proc::decode(const Ended& ended, ProcessResult& r) {
    const int status = ended.status;
    if (ended.timed_out) {
        r.outcome = Outcome::timed_out;
        if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    } else if (WIFEXITED(status)) {
        r.outcome = Outcome::exited;
        r.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        r.outcome = Outcome::signaled;
        r.signal = WTERMSIG(status);
    }
}

std::string signal_name(int sig) {
    // glibc 2.32+: "SEGV" for SIGSEGV; nullptr for a number without a name (real-time signals).
    if (const char* abbrev = ::sigabbrev_np(sig)) return std::string("SIG") + abbrev;
    return "signal " + std::to_string(sig);
}

std::string describe(const ProcessResult& r) {
    switch (r.outcome) {
        case Outcome::exited:
            return "exited with code " + std::to_string(r.exit_code);
        case Outcome::signaled: {
            std::string s = "killed by " + signal_name(r.signal);
            if (r.signal == SIGXCPU) s += " (CPU time limit)";
            if (r.signal == SIGXFSZ) s += " (file size limit)";
            return s;
        }
        case Outcome::timed_out:
            return "timed out after " + seconds_text(r.timeout);
        case Outcome::failed_to_start:
            return "failed to start: " + r.start_error;
    }
    return "unknown outcome";
}

}  // namespace fearless::check
