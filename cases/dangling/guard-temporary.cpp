//@ compile-fail
//@ only: clang
//@ flags: -Werror=dangling
// m.lock() returns a temporary guard, which unlocks at the end of the
// statement. `r` would outlive it: every later use of r touches the data with
// no lock held, a data race that C++ compiles without a word. Rust's borrow
// checker rejects it; Clang's -Wdangling does here.
// Fix: keep the guard in a variable, and the reference no longer than it.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    Mutex<int> m{0};
    int& r = *m.lock(); r += 1; //~ ERROR will be destroyed at the end of the full-expression
}
