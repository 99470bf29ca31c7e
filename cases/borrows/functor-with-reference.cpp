//@ compile-fail
// A functor is checked like any argument: Accumulate keeps a reference to
// main's total, which the thread could write after main has returned.
// Fix: let the thread return its result (join() hands it back).
#include <fearless/fearless.hpp>
using namespace fearless;

struct Accumulate {
    int& total;
    void operator()(int x) const { total += x; }
};

int main() {
    int total = 0;
    thread::spawn(Accumulate{total}, 5).join(); //~ ERROR may outlive
}
