//@ run-pass
// The twin of functor-with-reference: the functor owns its state and the
// thread returns the sum.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

struct Accumulate {
    int start;
    int operator()(int x) const { return start + x; }
};

int main() {
    auto h = thread::spawn(Accumulate{10}, 5);
    std::cout << "total: " << h.join() << "\n";
}
