//@ run-pass
// The twin of arc-lvalue-to-spawn: the thread gets a clone, main keeps its Arc
// and reads the counter after join().
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto counter = make_arc<Mutex<int>>(0);
    auto h = thread::spawn([](Arc<Mutex<int>> c) { *c->lock() += 1; }, counter.clone());
    h.join();
    std::cout << "counter: " << *counter->lock() << "\n";
}
