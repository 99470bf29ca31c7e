// Owned file descriptors and close-on-exec pipes for the child's streams.
// Every descriptor made here is created close-on-exec: another thread's child
// can never inherit it (see process.cpp).
#pragma once

#include <optional>
#include <utility>

#include <unistd.h>

namespace fearless::check::proc {

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

// Moves a new descriptor to 3 or above, keeping it close-on-exec, so that the
// child's dup2 onto 0/1/2 can never clobber another of them (only matters when
// the parent runs with a standard stream closed).
Fd above_stdio(Fd fd);

struct Pipe {
    Fd read, write;
};

// nullopt: no pipe; `err` holds errno.
std::optional<Pipe> make_pipe(int& err);

}  // namespace fearless::check::proc
