#include "run/process/launch.hpp"

// GCC 12 at -O2 reports a false -Warray-bounds inside v2's launcher
// (vector::operator=(initializer_list) in default_launcher::close_all_fds,
// inlined into the launch). It is reported against the instantiation, so it
// is silenced for this file, which holds no other array code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif

#include <boost/process/v2/default_launcher.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/stdio.hpp>

#include <array>
#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run/process/stop.hpp"

namespace fearless::check::proc {
namespace {

namespace bp = boost::process::v2;

// The v2 initializer that prepares the child between fork and exec. Every
// member function called in the child uses async-signal-safe calls only.
struct ChildSetup {
    const char* cwd = nullptr;  // nullptr: inherit
    std::array<RlimitSetting, 3> rlimits{};
    pid_t parent = 0;

    bp::error_code on_exec_setup(bp::posix::default_launcher&, const bp::filesystem::path&, const char* const*) const {
        // Own process group, so that the parent can kill every descendant at once.
        if (::setpgid(0, 0) != 0) return last_error();
        // Die with the thread that started us (it waits for us, so it only goes
        // away when fearless-check itself is killed).
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        // Default signal dispositions and an empty mask: a run case must not
        // inherit an ignored SIGPIPE or a worker thread's blocked signals.
        struct sigaction dfl {};
        dfl.sa_handler = SIG_DFL;
        ::sigemptyset(&dfl.sa_mask);
        for (int sig = 1; sig < NSIG; ++sig) {
            if (sig != SIGKILL && sig != SIGSTOP) ::sigaction(sig, &dfl, nullptr);
        }
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        for (const RlimitSetting& r : rlimits) {
            if (r.resource >= 0 && ::setrlimit(r.resource, &r.value) != 0) return last_error();
        }
        if (cwd != nullptr && ::chdir(cwd) != 0) return last_error();
        // v2 1.81's close_all() leaves some descriptors open (see the top of
        // this file): mark everything above stderr close-on-exec. v2's own
        // exec-error pipe is close-on-exec already, so this does not disturb it.
        if (::syscall(SYS_close_range, 3u, ~0u, 4u /* CLOSE_RANGE_CLOEXEC */) != 0) {
            rlimit nofile{};
            int top = ::getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < 65536
                          ? static_cast<int>(nofile.rlim_cur)
                          : 65536;
            for (int fd = 3; fd < top; ++fd) ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
        return {};
    }

    // v2 1.81 detects this hook with the argument list of the first overload
    // but calls the second; the first is never called.
    void on_exec_error(bp::posix::default_launcher&, const bp::error_code&, const bp::filesystem::path&,
                       const char* const*, const bp::error_code&) const {}
    // exec (or a setup step) failed; the launcher has already sent errno to the
    // parent. Leave without running the parent's atexit handlers (v2 calls exit()).
    [[noreturn]] void on_exec_error(bp::posix::default_launcher&, const bp::filesystem::path&, const char* const*,
                                    const bp::error_code&) const {
        ::_exit(127);
    }

    static bp::error_code last_error() { return bp::error_code(errno, bp::system_category()); }
};

}  // namespace

ChildGuard::~ChildGuard() {
    if (pid <= 0 || reaped) return;
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
    unregister_child(pid);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
}

bool launch(boost::asio::io_context& ctx, const Command& cmd, Prepared& p, ChildGuard& child, std::string& why) {
    ChildSetup setup;
    setup.cwd = cmd.cwd.empty() ? nullptr : cmd.cwd.c_str();
    setup.rlimits = p.rlimits;
    setup.parent = ::getpid();
    bp::posix::default_launcher launcher;
    launcher.env = p.envp.data();
    bp::error_code ec;
    {
        // The v2 1.81 overload taking an io_context& with an error_code
        // forwards to the throwing one; the executor overload honours ec.
        const bp::filesystem::path exe(p.program.native());
        auto proc = launcher(ctx.get_executor(), ec, exe, p.argv.data(),
                             bp::process_stdio{p.dev_null.get(), p.out.write.get(), p.err.write.get()}, setup);
        child.pid = launcher.pid;
        if (ec) {
            why = "cannot run " + p.program.string() + ": " + ec.message();
            return false;
        }
        // From here on we manage the pid ourselves (see process.cpp); the
        // detached handle only closes its pidfd.
        proc.detach();
    }
    p.dev_null.reset();
    p.out.write.reset();
    p.err.write.reset();
    return true;
}

}  // namespace fearless::check::proc
