// The process runner: Boost.Process v2 (1.81) launches, Boost.Asio reads and
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
// defined; this file is its only user, so header-only is enough. It takes
// boost::filesystem paths (hence Boost::filesystem): its std::filesystem mode,
// BOOST_PROCESS_USE_STD_FS, does not compile in 1.81 (config.hpp names
// boost::optional without including it, and launcher/process headers use
// boost::decay/boost::is_convertible that only the Boost.Filesystem headers
// bring in).

#include "run/process/process.hpp"

// GCC 12 at -O2 reports a false -Warray-bounds inside v2's launcher
// (vector::operator=(initializer_list) in default_launcher::close_all_fds,
// inlined into the launch). It is reported against the instantiation, so it
// is silenced for this file, which holds no other array code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/process/v2/default_launcher.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/stdio.hpp>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <utility>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fearless::check {
namespace {

namespace asio = boost::asio;
namespace bp = boost::process::v2;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// How long the pipes may stay open once the child has ended and its process
// group is killed: only a process that left the group can still hold them.
constexpr std::chrono::milliseconds pipe_grace{500};

// An owned file descriptor.
class Fd {
  public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    Fd& operator=(Fd&& o) noexcept {
        if (this != &o) {
            reset();
            fd_ = std::exchange(o.fd_, -1);
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }

    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    explicit operator bool() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

std::string errno_text(int err) {
    // strerror is not thread-safe; strerror_r (GNU flavour with _GNU_SOURCE) is.
    char buf[256];
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
    return ::strerror_r(err, buf, sizeof buf);
#else
    if (::strerror_r(err, buf, sizeof buf) != 0) return "error " + std::to_string(err);
    return buf;
#endif
}

// Moves a new descriptor to 3 or above, keeping it close-on-exec, so that the
// child's dup2 onto 0/1/2 can never clobber another of them (only matters when
// the parent runs with a standard stream closed).
Fd above_stdio(Fd fd) {
    if (!fd || fd.get() > 2) return fd;
    int moved = ::fcntl(fd.get(), F_DUPFD_CLOEXEC, 3);
    if (moved < 0) return Fd{};
    return Fd{moved};
}

struct Pipe {
    Fd read, write;
};

std::optional<Pipe> make_pipe(int& err) {
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0) {
        err = errno;
        return std::nullopt;
    }
    Pipe pipe{above_stdio(Fd{p[0]}), above_stdio(Fd{p[1]})};
    if (!pipe.read || !pipe.write) {
        err = errno;
        return std::nullopt;
    }
    return pipe;
}

// An rlimit to set in the child, computed in the parent.
struct RlimitSetting {
    int resource = -1;  // -1: none
    rlimit value{};
};

RlimitSetting make_rlimit(int resource, std::optional<unsigned long> limit, unsigned long hard_extra) {
    RlimitSetting s;
    if (!limit) return s;
    rlimit current{};
    if (::getrlimit(resource, &current) != 0) return s;
    rlim_t soft = static_cast<rlim_t>(*limit);
    rlim_t hard = soft + hard_extra;
    // An unprivileged process cannot raise its hard limit: stay under it.
    if (current.rlim_max != RLIM_INFINITY) {
        if (hard > current.rlim_max) hard = current.rlim_max;
        if (soft > hard) soft = hard;
    }
    s.resource = resource;
    s.value = rlimit{soft, hard};
    return s;
}

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

// The environment of the child, as "NAME=value" strings.
std::vector<std::string> child_environment(const Command& cmd) {
    auto removed = [&](std::string_view name) {
        for (const std::string& r : cmd.env_remove) {
            if (r == name) return true;
        }
        return cmd.env.count(std::string(name)) != 0;
    };
    std::vector<std::string> env;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
        std::string_view entry(*e);
        std::string_view name = entry.substr(0, entry.find('='));
        if (!removed(name)) env.emplace_back(entry);
    }
    for (const auto& [name, value] : cmd.env) {
        bool also_removed = false;
        for (const std::string& r : cmd.env_remove) also_removed = also_removed || r == name;
        if (!also_removed) env.push_back(name + "=" + value);
    }
    return env;
}

bool is_executable_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// Resolves argv[0] as exec would, or says why it cannot.
std::optional<fs::path> resolve_program(const Command& cmd, std::string& why) {
    const std::string& name = cmd.argv.front();
    if (name.empty()) {
        why = "empty program name";
        return std::nullopt;
    }
    if (name.find('/') != std::string::npos) {
        std::error_code ec;
        fs::path p = fs::absolute(name, ec);
        if (ec) p = name;
        if (!fs::exists(p, ec)) {
            why = "no such file: " + name;
            return std::nullopt;
        }
        if (!is_executable_file(p)) {
            why = "not an executable file: " + name;
            return std::nullopt;
        }
        return p;
    }
    auto path_in_env = cmd.env.find("PATH");
    std::optional<fs::path> found;
    if (path_in_env != cmd.env.end()) {
        found = find_program(name, path_in_env->second);
    } else {
        found = find_program(name);
    }
    if (!found) why = "no such file: " + name + " (not found on PATH)";
    return found;
}

// One stream of the child, read to its end.
struct Capture {
    asio::readable_pipe pipe;
    std::string& text;
    bool& truncated;
    std::size_t cap;
    std::vector<char> buffer = std::vector<char>(64 * 1024);  // on the heap: workers may have small stacks
    bool open = true;

    Capture(asio::io_context& ctx, Fd fd, std::string& text, bool& truncated, std::size_t cap)
        : pipe(ctx, fd.release()), text(text), truncated(truncated), cap(cap) {}

    template <class Done>
    void read(Done done) {
        pipe.async_read_some(asio::buffer(buffer), [this, done](const boost::system::error_code& ec, std::size_t n) {
            std::size_t keep = text.size() < cap ? std::min(n, cap - text.size()) : 0;
            text.append(buffer.data(), keep);
            if (keep < n) truncated = true;
            if (ec) {  // eof, or closed after the grace period
                open = false;
                done();
                return;
            }
            read(done);
        });
    }

    void close() {
        boost::system::error_code ignored;
        pipe.close(ignored);
    }
};

// Kills the child's group and reaps the child unless that already happened:
// whatever goes wrong after the fork, no child outlives run_process().
struct ChildGuard {
    pid_t pid = -1;
    bool reaped = false;
    ~ChildGuard() {
        if (pid <= 0 || reaped) return;
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
};

bool has_exited(pid_t pid) {
    siginfo_t info{};
    // WNOWAIT: look without reaping.
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return true;
    return info.si_pid == pid;
}

void run(const Command& cmd, const Limits& limits, ProcessResult& r) {
    if (cmd.argv.empty()) {
        r.start_error = "empty command";
        return;
    }
    std::optional<fs::path> program = resolve_program(cmd, r.start_error);
    if (!program) return;
    if (!cmd.cwd.empty()) {
        std::error_code ec;
        if (!fs::is_directory(cmd.cwd, ec)) {
            r.start_error = "no such working directory: " + cmd.cwd.string();
            return;
        }
    }

    std::vector<std::string> env = child_environment(cmd);
    std::vector<const char*> envp;
    envp.reserve(env.size() + 1);
    for (const std::string& e : env) envp.push_back(e.c_str());
    envp.push_back(nullptr);

    // argv[0] as the user wrote it (v2's default would put the resolved path there).
    std::vector<const char*> argv;
    argv.reserve(cmd.argv.size() + 1);
    for (const std::string& a : cmd.argv) argv.push_back(a.c_str());
    argv.push_back(nullptr);

    int err = 0;
    Fd dev_null = above_stdio(Fd{::open("/dev/null", O_RDONLY | O_CLOEXEC)});
    if (!dev_null) {
        r.start_error = "cannot open /dev/null: " + errno_text(errno);
        return;
    }
    std::optional<Pipe> out = make_pipe(err);
    std::optional<Pipe> errp = out ? make_pipe(err) : std::nullopt;
    if (!out || !errp) {
        r.start_error = "cannot create a pipe: " + errno_text(err);
        return;
    }

    ChildSetup setup;
    setup.cwd = cmd.cwd.empty() ? nullptr : cmd.cwd.c_str();
    setup.rlimits = {make_rlimit(RLIMIT_CPU, limits.cpu_seconds, 1), make_rlimit(RLIMIT_AS, limits.address_space, 0),
                     make_rlimit(RLIMIT_FSIZE, limits.file_size, 0)};
    setup.parent = ::getpid();

    // One private event loop per call: nothing is shared between threads. No
    // I/O object exists on it yet, so the launcher's notify_fork has nothing to
    // re-register in the child.
    asio::io_context ctx;
    bp::posix::default_launcher launcher;
    launcher.env = envp.data();
    bp::error_code ec;
    ChildGuard child;
    {
        // The v2 1.81 overload taking an io_context& with an error_code
        // forwards to the throwing one; the executor overload honours ec.
        const bp::filesystem::path exe(program->native());
        auto proc = launcher(ctx.get_executor(), ec, exe, argv.data(),
                             bp::process_stdio{dev_null.get(), out->write.get(), errp->write.get()}, setup);
        child.pid = launcher.pid;
        if (ec) {
            // The launcher leaves a child whose exec failed unreaped; reap it.
            r.start_error = "cannot run " + program->string() + ": " + ec.message();
            return;  // ChildGuard kills and reaps
        }
        // From here on we manage the pid ourselves (see the top of this file);
        // the detached handle only closes its pidfd.
        proc.detach();
    }
    const pid_t pid = child.pid;
    dev_null.reset();
    out->write.reset();
    errp->write.reset();

    Capture out_capture(ctx, std::move(out->read), r.out, r.out_truncated, limits.output_cap);
    Capture err_capture(ctx, std::move(errp->read), r.err, r.err_truncated, limits.output_cap);
    asio::steady_timer deadline(ctx);
    asio::steady_timer grace(ctx);
    asio::steady_timer poll(ctx);
    bool timed_out = false;
    int status = 0;

    auto pipes_done = [&] {
        if (!out_capture.open && !err_capture.open) grace.cancel();
    };
    auto on_exit = [&] {
        // The child has ended but is not reaped: its pid still names the
        // group, so this kill cannot reach anyone else. It ends grandchildren
        // that would otherwise hold the pipes open.
        ::kill(-pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        child.reaped = true;
        deadline.cancel();
        if (out_capture.open || err_capture.open) {
            grace.expires_after(pipe_grace);
            grace.async_wait([&](const boost::system::error_code& e) {
                if (e) return;  // both pipes reached their end
                out_capture.close();
                err_capture.close();
            });
        }
    };

    out_capture.read(pipes_done);
    err_capture.read(pipes_done);

    deadline.expires_after(limits.timeout);
    deadline.async_wait([&](const boost::system::error_code& e) {
        if (e || child.reaped || has_exited(pid)) return;
        timed_out = true;
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);  // in case the child moved itself to another group
    });

    // Wait for the end of the child on a pidfd (readable once it has ended);
    // fall back to polling where pidfd_open is unavailable (Linux < 5.3).
    std::optional<asio::posix::stream_descriptor> pidfd;
    std::function<void()> tick;
    int raw_pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    if (raw_pidfd >= 0) {
        pidfd.emplace(ctx, raw_pidfd);
        pidfd->async_wait(asio::posix::stream_descriptor::wait_read,
                          [&](const boost::system::error_code&) { on_exit(); });
    } else {
        tick = [&] {
            if (has_exited(pid)) {
                on_exit();
                return;
            }
            poll.expires_after(std::chrono::milliseconds(5));
            poll.async_wait([&](const boost::system::error_code& e) {
                if (!e) tick();
            });
        };
        tick();
    }

    ctx.run();

    if (timed_out) {
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

ProcessResult run_process(const Command& cmd, const Limits& limits) {
    ProcessResult r;
    r.timeout = limits.timeout;
    const auto start = Clock::now();
    try {
        run(cmd, limits, r);
    } catch (const std::exception& e) {
        // Only our own resources can fail here (descriptors, memory); the
        // child, if any, was killed and reaped by ChildGuard.
        r.outcome = Outcome::failed_to_start;
        r.start_error = std::string("internal error: ") + e.what();
    }
    if (r.outcome == Outcome::failed_to_start && r.start_error.empty()) r.start_error = "unknown error";
    r.wall = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    return r;
}

std::optional<fs::path> find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    // POSIX leaves an unset PATH to the implementation; glibc's execvp uses this.
    return find_program(name, path != nullptr ? path : "/bin:/usr/bin");
}

std::optional<fs::path> find_program(const std::string& name, const std::string& path_var) {
    if (name.empty()) return std::nullopt;
    if (name.find('/') != std::string::npos) {
        if (is_executable_file(name)) return fs::path(name);
        return std::nullopt;
    }
    std::size_t begin = 0;
    while (begin <= path_var.size()) {
        std::size_t end = path_var.find(':', begin);
        if (end == std::string::npos) end = path_var.size();
        std::string dir = path_var.substr(begin, end - begin);
        fs::path candidate = dir.empty() ? fs::path(name) : fs::path(dir) / name;
        if (is_executable_file(candidate)) {
            std::error_code ec;
            fs::path absolute = fs::absolute(candidate, ec);
            return ec ? candidate : absolute;
        }
        begin = end + 1;
    }
    return std::nullopt;
}

std::string signal_name(int sig) {
    switch (sig) {
        case SIGHUP:
            return "SIGHUP";
        case SIGINT:
            return "SIGINT";
        case SIGQUIT:
            return "SIGQUIT";
        case SIGILL:
            return "SIGILL";
        case SIGTRAP:
            return "SIGTRAP";
        case SIGABRT:
            return "SIGABRT";
        case SIGBUS:
            return "SIGBUS";
        case SIGFPE:
            return "SIGFPE";
        case SIGKILL:
            return "SIGKILL";
        case SIGUSR1:
            return "SIGUSR1";
        case SIGSEGV:
            return "SIGSEGV";
        case SIGUSR2:
            return "SIGUSR2";
        case SIGPIPE:
            return "SIGPIPE";
        case SIGALRM:
            return "SIGALRM";
        case SIGTERM:
            return "SIGTERM";
        case SIGCHLD:
            return "SIGCHLD";
        case SIGCONT:
            return "SIGCONT";
        case SIGSTOP:
            return "SIGSTOP";
        case SIGTSTP:
            return "SIGTSTP";
        case SIGTTIN:
            return "SIGTTIN";
        case SIGTTOU:
            return "SIGTTOU";
        case SIGURG:
            return "SIGURG";
        case SIGXCPU:
            return "SIGXCPU";
        case SIGXFSZ:
            return "SIGXFSZ";
        case SIGVTALRM:
            return "SIGVTALRM";
        case SIGPROF:
            return "SIGPROF";
        case SIGWINCH:
            return "SIGWINCH";
        case SIGIO:
            return "SIGIO";
        case SIGSYS:
            return "SIGSYS";
#ifdef SIGSTKFLT
        case SIGSTKFLT:
            return "SIGSTKFLT";
#endif
#ifdef SIGPWR
        case SIGPWR:
            return "SIGPWR";
#endif
        default:
            return "signal " + std::to_string(sig);
    }
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
