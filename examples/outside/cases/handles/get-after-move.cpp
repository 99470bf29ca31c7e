//@ run-fail
// A moved-from handle is empty: using it stops the program (exit code 70).
#include <outside/unique_handle.hpp>

#include <cstdio>

int main() {
    outside::unique_handle h{3};
    outside::unique_handle g = std::move(h);
    std::printf("g owns %d\n", g.get());
    std::fflush(stdout);
    return h.get();
}
