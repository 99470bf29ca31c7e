//@ run-pass
//@ only: clang
//@ flags: -Werror=dangling
// The twin of guard-temporary: the guard is a named variable, so the lock is
// held for as long as `r` is in use.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    Mutex<int> m{0};
    {
        auto guard = m.lock();
        int& r = *guard;
        r += 1;
    }
    std::cout << "m = " << m << "\n";
}
