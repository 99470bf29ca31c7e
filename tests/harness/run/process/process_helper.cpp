// A child for the process runner's tests: one program, one behaviour per mode.
//
//   process_helper exit N              exit with code N
//   process_helper echo-exit TEXT N    print TEXT and a newline, exit with N
//   process_helper segv | abort        die by SIGSEGV / SIGABRT
//   process_helper sleep               sleep forever
//   process_helper grandchild MODE [escape]
//                                      fork a grandchild that prints its pid and sleeps forever holding
//                                      stdout/stderr (in a session of its own with `escape`);
//                                      then sleep forever (MODE sleep) or exit 0 (MODE exit)
//   process_helper spam BYTES          write BYTES to stdout and BYTES to stderr, interleaved in 64 KiB chunks;
//                                      byte i of each stream is 'a' + i % 26 (stdout) / 'A' + i % 26 (stderr)
//   process_helper env NAME...         print NAME=value (or NAME=<unset>) per line
//   process_helper cwd                 print the working directory
//   process_helper alloc BYTES         allocate and touch BYTES; exit 0, or 3 if the allocation failed
//   process_helper stdin               read stdin to its end, print how many bytes came
//   process_helper burn                spin on the CPU forever
//   process_helper write-file BYTES    write BYTES to ./big.bin
//   process_helper argv0               print argv[0]
//   process_helper fds                 print the open descriptors, space-separated, ascending
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include <dirent.h>
#include <unistd.h>

namespace {

void sleep_forever() {
    for (;;) ::pause();
}

bool write_all(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

int spam(std::size_t bytes) {
    constexpr std::size_t chunk = 64 * 1024;
    std::vector<char> out(chunk), err(chunk);
    for (std::size_t done = 0; done < bytes;) {
        std::size_t n = std::min(chunk, bytes - done);
        for (std::size_t i = 0; i < n; ++i) {
            out[i] = static_cast<char>('a' + (done + i) % 26);
            err[i] = static_cast<char>('A' + (done + i) % 26);
        }
        if (!write_all(1, out.data(), n) || !write_all(2, err.data(), n)) return 1;
        done += n;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: process_helper MODE [ARGS]\n");
        return 2;
    }
    std::string mode = argv[1];
    auto arg = [&](int i) -> const char* { return i < argc ? argv[i] : ""; };

    if (mode == "exit") return std::atoi(arg(2));
    if (mode == "echo-exit") {
        std::printf("%s\n", arg(2));
        return std::atoi(arg(3));
    }
    if (mode == "segv") {
        std::raise(SIGSEGV);
        return 0;
    }
    if (mode == "abort") std::abort();
    if (mode == "sleep") sleep_forever();
    if (mode == "grandchild") {
        // The parent goes on only once the grandchild has printed its pid.
        int ready[2];
        if (::pipe(ready) != 0) return 1;
        std::fflush(stdout);
        pid_t pid = ::fork();
        if (pid < 0) return 1;
        if (pid == 0) {
            if (std::strcmp(arg(3), "escape") == 0) ::setsid();  // leave the process group
            std::printf("%d\n", static_cast<int>(::getpid()));
            std::fflush(stdout);
            ::close(ready[0]);
            if (::write(ready[1], "x", 1) != 1) return 1;
            sleep_forever();
        }
        ::close(ready[1]);
        char byte;
        if (::read(ready[0], &byte, 1) != 1) return 1;
        if (std::strcmp(arg(2), "exit") == 0) return 0;
        sleep_forever();
    }
    if (mode == "spam") return spam(std::strtoull(arg(2), nullptr, 10));
    if (mode == "env") {
        for (int i = 2; i < argc; ++i) {
            const char* v = std::getenv(argv[i]);
            std::printf("%s=%s\n", argv[i], v != nullptr ? v : "<unset>");
        }
        return 0;
    }
    if (mode == "cwd") {
        char buf[4096];
        if (::getcwd(buf, sizeof buf) == nullptr) return 1;
        std::printf("%s\n", buf);
        return 0;
    }
    if (mode == "alloc") {
        std::size_t n = std::strtoull(arg(2), nullptr, 10);
        char* p = new (std::nothrow) char[n];
        if (p == nullptr) {
            std::printf("allocation failed\n");
            return 3;
        }
        std::memset(p, 1, n);
        // Keep the allocation: compilers may otherwise elide new/delete (Clang does).
        asm volatile("" : : "r"(p) : "memory");
        std::printf("allocated %zu\n", n);
        delete[] p;
        return 0;
    }
    if (mode == "stdin") {
        std::size_t total = 0;
        char buf[4096];
        for (ssize_t n; (n = ::read(0, buf, sizeof buf)) > 0;) total += static_cast<std::size_t>(n);
        std::printf("%zu\n", total);
        return 0;
    }
    if (mode == "burn") {
        volatile unsigned long x = 0;
        for (;;) x = x + 1;
    }
    if (mode == "write-file") {
        std::FILE* f = std::fopen("big.bin", "wb");
        if (f == nullptr) return 1;
        std::vector<char> block(4096, 'x');
        for (std::size_t done = 0, n = std::strtoull(arg(2), nullptr, 10); done < n; done += block.size()) {
            if (std::fwrite(block.data(), 1, block.size(), f) != block.size()) return 4;
        }
        return std::fclose(f) == 0 ? 0 : 4;
    }
    if (mode == "fds") {
        DIR* dir = ::opendir("/proc/self/fd");
        if (dir == nullptr) return 1;
        std::vector<int> fds;
        while (const dirent* e = ::readdir(dir))
            if (e->d_name[0] != '.') fds.push_back(std::atoi(e->d_name));
        const int own = ::dirfd(dir);
        std::sort(fds.begin(), fds.end());
        std::string line;
        for (int fd : fds)
            if (fd != own) line += (line.empty() ? "" : " ") + std::to_string(fd);
        ::closedir(dir);
        std::printf("%s\n", line.c_str());
        return 0;
    }
    if (mode == "argv0") {
        std::printf("%s\n", argv[0]);
        return 0;
    }
    std::fprintf(stderr, "process_helper: unknown mode %s\n", mode.c_str());
    return 2;
}
