//@ run-pass
// Moving hands the descriptor over and leaves the source empty.
#include <outside/unique_handle.hpp>

#include <cstdio>

int main() {
    outside::unique_handle h{3};
    outside::unique_handle g = std::move(h);
    std::printf("g owns %d, h is %s\n", g.get(), h.empty() ? "empty" : "not empty");
}
