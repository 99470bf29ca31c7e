//@ compile-fail
// Two owners of one file descriptor would close it twice.
#include <outside/unique_handle.hpp>

int main() {
    outside::unique_handle h{3};
    outside::unique_handle copy = h; //~ ERROR a handle cannot be copied
    return h.get();
}
