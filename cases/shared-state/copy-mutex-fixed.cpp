//@ run-pass
// The twin of copy-mutex: two Arc handles, one Mutex, one counter.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto counter = make_arc<Mutex<int>>(0);
    auto other = counter.clone();
    *other->lock() += 1;
    std::cout << "counter: " << *counter->lock() << "\n";
}
