//@ run-pass
// The twin of deref-without-lock: the guard unlocks at the end of each statement.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    Mutex<int> m{0};
    *m.lock() += 1;
    std::cout << "m = " << m << "\n";
}
