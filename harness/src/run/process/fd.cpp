#include "run/process/fd.hpp"

#include <cerrno>

#include <fcntl.h>

namespace fearless::check::proc {

Fd above_stdio(Fd fd) {
    if (!fd || fd.get() > 2) return fd;
    int moved = ::fcntl(fd.get(), F_DUPFD_CLOEXEC, 3);
    if (moved < 0) return Fd{};
    return Fd{moved};
}

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

}  // namespace fearless::check::proc
