//@ run-pass
// The twin of unique-lock: the thread takes its own lock, through an
// Arc<Mutex<int>> it shares with main.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto counter = make_arc<Mutex<int>>(0);
    thread::spawn([](Arc<Mutex<int>> c) { *c->lock() += 1; }, counter.clone()).join();
    std::cout << "count: " << *counter->lock() << "\n";
}
