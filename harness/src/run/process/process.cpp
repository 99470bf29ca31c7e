// The process runner, in four phases: prepare (prepare.cpp: resolve the
// program, the environment, the pipes), launch (launch.cpp: fork and exec),
// supervise (supervise.cpp: read both streams, wait, kill at the timeout) and
// decode (decode.cpp: the wait status).
//
// Boost.Process v2 (1.81) launches, Boost.Asio reads and
// waits, and a few POSIX calls cover what v2 1.81 gets wrong or lacks. Each
// such call says why next to it. In short:
// - v2 1.81's launcher leaks some descriptors into the child (close_all()'s
//   loop compares a whitelist entry with itself), and its own pipes are made
//   close-on-exec only after creation. Every descriptor made here is created
//   close-on-exec, and the child marks all of its descriptors above 2
//   close-on-exec before exec, so nothing leaks whatever other threads do.
// - The launcher calls exit() (not _exit()) in a child whose exec failed,
//   which would run this process's atexit handlers and flush its stdio in the
//   child. Its on_exec_error hook is detected with a mistyped signature, so
//   ChildSetup declares both the detected and the called signature and
//   leaves with _exit(127).
// - The launcher does not reap a child whose exec failed; we do.
// - v2's async_wait reaps the child as soon as it ends. We must kill the
//   child's process group *before* reaping it (while the zombie leader still
//   reserves the group id, so the id cannot have been reused), so we wait on
//   our own pidfd and reap with waitpid ourselves.
// - v2's pipe binding for stdio creates the child's end without close-on-exec
//   (another thread's child could inherit it and hold the pipe open), so the
//   pipes are made here with pipe2(O_CLOEXEC) and handed to v2 as plain fds.
//
// Between fork and exec the child runs only async-signal-safe calls of its
// own (setpgid, setrlimit, sigaction, chdir, dup2, close_range, prctl). The
// launcher itself also calls asio's notify_fork on this call's private,
// idle io_context; its one small allocation is safe with glibc, whose malloc
// is reset in the child of fork().

// v2 is header-only in 1.81 unless BOOST_PROCESS_V2_SEPARATE_COMPILATION is
// defined; launch.cpp is its only user, so header-only is enough. It takes
// boost::filesystem paths (hence Boost::filesystem): its std::filesystem mode,
// BOOST_PROCESS_USE_STD_FS, does not compile in 1.81 (config.hpp names
// boost::optional without including it, and launcher/process headers use
// boost::decay/boost::is_convertible that only the Boost.Filesystem headers
// bring in).

#include "run/process/process.hpp"

#include <exception>
#include <string>

#include <boost/asio/io_context.hpp>

#include "run/process/decode.hpp"
#include "run/process/launch.hpp"
#include "run/process/prepare.hpp"
#include "run/process/stop.hpp"
#include "run/process/supervise.hpp"

namespace fearless::check {

namespace {

constexpr const char* interrupted = "interrupted: the run is stopping";

void run(const Command& cmd, const Limits& limits, ProcessResult& r) {
    if (stop_requested()) {
        r.start_error = interrupted;
        return;
    }
    auto prepared = proc::prepare(cmd, limits, r.start_error);
    if (!prepared) return;
    // One private event loop per call: nothing is shared between threads. No
    // I/O object exists on it yet, so the launcher's notify_fork has nothing to
    // re-register in the child.
    boost::asio::io_context ctx;
    proc::ChildGuard child;
    if (!proc::launch(ctx, cmd, *prepared, child, r.start_error)) return;  // the guard kills and reaps
    if (!proc::register_child(child.pid)) {
        r.start_error = interrupted;  // a stop came during the launch; the guard kills and reaps
        return;
    }
    proc::decode(proc::supervise(ctx, child, *prepared, limits, r), r);
}

}  // namespace

ProcessResult run_process(const Command& cmd, const Limits& limits) {
    ProcessResult r;
    r.timeout = limits.timeout;
    const auto start = std::chrono::steady_clock::now();
    try {
        run(cmd, limits, r);
    } catch (const std::exception& e) {
        // Only our own resources can fail here (descriptors, memory); the
        // child, if any, was killed and reaped by ChildGuard.
        r.outcome = Outcome::failed_to_start;
        r.start_error = std::string("internal error: ") + e.what();
    }
    if (r.outcome == Outcome::failed_to_start && r.start_error.empty()) r.start_error = "unknown error";
    r.wall = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return r;
}

}  // namespace fearless::check
