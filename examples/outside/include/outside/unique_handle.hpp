// unique_handle: owns one OS handle (a file descriptor, say); moves, never copies.
//
//     outside::unique_handle h{3};
//     auto g = std::move(h);   // g owns 3, h is empty
//     auto c = g;              // does not compile: a handle cannot be copied
//     h.get();                 // an empty handle: the program stops with exit code 70
#pragma once

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace outside {

class unique_handle {
  public:
    explicit unique_handle(int fd) : fd_(fd) {}
    unique_handle(const unique_handle&) = delete;  // a handle cannot be copied: move it
    unique_handle& operator=(const unique_handle&) = delete;  // a handle cannot be copied: move it
    unique_handle(unique_handle&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    unique_handle& operator=(unique_handle&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }

    bool empty() const { return fd_ < 0; }
    int get() const {
        if (empty()) {
            std::fputs("outside: get() on an empty handle\n", stderr);
            std::exit(70);
        }
        return fd_;
    }

  private:
    int fd_;
};

}  // namespace outside
