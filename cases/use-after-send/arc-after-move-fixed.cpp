//@ run-pass
//@ only: clang
//@ flags: -Werror=consumed
// The twin of arc-after-move: the thread gets a clone, main keeps an owner.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto counter = make_arc<Mutex<int>>(0);
    auto h = thread::spawn([](Arc<Mutex<int>> c) { *c->lock() += 1; }, counter.clone());
    h.join();
    std::cout << *counter->lock() << "\n";
}
