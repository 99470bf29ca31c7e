#include "run/process/supervise.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <filesystem>

#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/steady_timer.hpp>

#include "run/process/stop.hpp"

namespace fearless::check::proc {
namespace {

namespace asio = boost::asio;

// How long the pipes may stay open once the child has ended and its process
// group is killed: only a process that left the group can still hold them.
constexpr std::chrono::milliseconds pipe_grace{500};

// One stream of the child, read to its end.
struct Capture {
    asio::readable_pipe pipe;
    std::string& text;
    bool& truncated;
    std::size_t cap;
    std::vector<char> buffer = std::vector<char>(64 * 1024);  // on the heap: workers may have small stacks
    bool open = true;

    ino_t inode = 0;  // of the pipe: how its other holders are found

    Capture(asio::io_context& ctx, Fd fd, std::string& text, bool& truncated, std::size_t cap)
        : pipe(ctx, fd.release()), text(text), truncated(truncated), cap(cap) {
        inode = inode_of(pipe.native_handle());
    }

    static ino_t inode_of(int fd) {
        struct stat st {};
        return ::fstat(fd, &st) == 0 ? st.st_ino : 0;
    }

    std::function<void()> on_cap;  // called once, when the first byte past the cap arrives

    template <class Done>
    void read(Done done) {
        pipe.async_read_some(asio::buffer(buffer), [this, done](const boost::system::error_code& ec, std::size_t n) {
            std::size_t keep = text.size() < cap ? std::min(n, cap - text.size()) : 0;
            text.append(buffer.data(), keep);
            if (keep < n && !truncated && on_cap) on_cap();
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

// Kills every other process that has one of these pipes open (found through
// /proc/PID/fd); returns how many. Only this process's own descendants can
// hold them: the pipes were made here, close-on-exec, for one child.
int kill_pipe_holders(std::vector<ino_t> inodes) {
    std::vector<std::string> names;
    for (ino_t i : inodes)
        if (i) names.push_back("pipe:[" + std::to_string(i) + "]");
    int killed = 0;
    std::error_code ec;
    const pid_t self = ::getpid();
    for (auto it = std::filesystem::directory_iterator("/proc", ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(name));
        if (pid == self) continue;
        std::error_code fd_ec;
        for (auto fd = std::filesystem::directory_iterator(it->path() / "fd", fd_ec);
             !fd_ec && fd != std::filesystem::directory_iterator(); fd.increment(fd_ec)) {
            std::error_code link_ec;
            auto target = std::filesystem::read_symlink(fd->path(), link_ec).string();
            if (link_ec || std::find(names.begin(), names.end(), target) == names.end()) continue;
            if (::kill(pid, SIGKILL) == 0) ++killed;
            break;
        }
    }
    return killed;
}

bool has_exited(pid_t pid) {
    siginfo_t info{};
    // WNOWAIT: look without reaping.
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return true;
    return info.si_pid == pid;
}

// One child's event loop: both captures, the deadline, the wait for its end.
class Supervisor {
  public:
    Supervisor(asio::io_context& ctx, ChildGuard& child, Prepared& p, const Limits& limits, ProcessResult& r)
        : ctx_(ctx),
          child_(child),
          pid_(child.pid),
          out_(ctx, std::move(p.out.read), r.out, r.out_truncated, limits.output_cap),
          err_(ctx, std::move(p.err.read), r.err, r.err_truncated, limits.output_cap),
          deadline_(ctx),
          grace_(ctx),
          poll_(ctx),
          limits_(limits),
          r_(r) {
        if (limits.kill_past_output_cap) {
            auto flood = [this] {
                if (child_.reaped) return;
                r_.killed_past_output_cap = true;
                ::kill(-pid_, SIGKILL);
            };
            out_.on_cap = flood;
            err_.on_cap = flood;
        }
    }

    Ended run(std::chrono::milliseconds timeout) {
        auto pipes_done = [this] {
            // Only before we kill it: our SIGKILL closes the pipe too, and the child may not be a zombie yet.
            const bool killed = ended_.timed_out || r_.killed_past_output_cap;
            if (!out_.open && !killed && !child_.reaped && !has_exited(pid_)) r_.closed_stdout_early = true;
            if (!out_.open && !err_.open) grace_.cancel();
        };
        out_.read(pipes_done);
        err_.read(pipes_done);
        arm_deadline(timeout);
        wait_for_exit();
        ctx_.run();
        return ended_;
    }

  private:
    void arm_deadline(std::chrono::milliseconds timeout) {
        deadline_.expires_after(timeout);
        deadline_.async_wait([this](const boost::system::error_code& e) {
            if (e || child_.reaped || has_exited(pid_)) return;
            ended_.timed_out = true;
            ::kill(-pid_, SIGKILL);
            ::kill(pid_, SIGKILL);  // in case the child moved itself to another group
        });
    }

    // Waits for the end of the child on a pidfd (readable once it has ended);
    // falls back to polling where pidfd_open is unavailable (Linux < 5.3).
    void wait_for_exit() {
        int raw_pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
        if (raw_pidfd >= 0) {
            pidfd_.emplace(ctx_, raw_pidfd);
            pidfd_->async_wait(asio::posix::stream_descriptor::wait_read,
                               [this](const boost::system::error_code&) { on_exit(); });
            return;
        }
        tick_ = [this] {
            if (has_exited(pid_)) {
                on_exit();
                return;
            }
            poll_.expires_after(std::chrono::milliseconds(5));
            poll_.async_wait([this](const boost::system::error_code& e) {
                if (!e) tick_();
            });
        };
        tick_();
    }

    void on_exit() {
        // The child has ended but is not reaped: its pid still names the
        // group, so this kill cannot reach anyone else. It ends grandchildren
        // that would otherwise hold the pipes open.
        ::kill(-pid_, SIGKILL);
        unregister_child(pid_);
        while (::waitpid(pid_, &ended_.status, 0) < 0 && errno == EINTR) {
        }
        child_.reaped = true;
        deadline_.cancel();
        if (!out_.open && !err_.open) return;
        grace_.expires_after(pipe_grace);
        grace_.async_wait([this](const boost::system::error_code& e) {
            if (e) return;  // both pipes reached their end
            // Someone outside the group (a setsid() grandchild) still holds a pipe.
            if (limits_.kill_left_behind) r_.left_behind = kill_pipe_holders({out_.inode, err_.inode});
            out_.close();
            err_.close();
        });
    }

    asio::io_context& ctx_;
    ChildGuard& child_;
    const pid_t pid_;
    Capture out_, err_;
    asio::steady_timer deadline_, grace_, poll_;
    std::optional<asio::posix::stream_descriptor> pidfd_;
    std::function<void()> tick_;
    Ended ended_;
    const Limits& limits_;
    ProcessResult& r_;
};

}  // namespace

Ended supervise(asio::io_context& ctx, ChildGuard& child, Prepared& p, const Limits& limits, ProcessResult& r) {
    return Supervisor(ctx, child, p, limits, r).run(limits.timeout);
}

}  // namespace fearless::check::proc
