//@ run-pass
//@ mirrors: Listing 16-12
// A Mutex<T> owns its data: the only way to it is the guard that lock()
// returns, so the data cannot be touched without holding the lock, and the
// lock cannot be forgotten: it is released when the guard goes out of scope.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    Mutex<int> m{5};

    {
        auto num = m.lock();
        *num = 6;
    }

    std::cout << "m = " << m << "\n";
}
