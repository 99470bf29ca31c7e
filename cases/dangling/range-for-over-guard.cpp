//@ compile-fail
//@ only: clang
//@ flags: -Werror=dangling
// In C++20 the temporaries of a range-for's range expression die before the
// loop body runs: the guard from m.lock() unlocks at once, and the loop reads
// the vector unlocked while other threads may push to it (C++23 extends the
// lifetime; C++20 does not). Clang's -Wdangling catches it.
// Fix: lock in a variable first, auto g = m.lock(); for (int x : *g) ...
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    Mutex<std::vector<int>> m{std::vector<int>{1, 2, 3}};
    int sum = 0;
    for (int x : *m.lock()) sum += x; //~ ERROR will be destroyed at the end of the full-expression
    return sum == 6 ? 0 : 1;
}
