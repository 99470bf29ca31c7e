//@ compile-fail
//@ only: clang
//@ flags: -Werror=consumed
// std::move(counter) gave main's only Arc to the thread; main's `counter` is
// now empty, and reading through it dereferences a null pointer. Rust rejects
// the use of a moved value; Clang's -Wconsumed tracks the Arc and rejects it.
// Fix: hand the thread counter.clone() and keep your own owner.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto counter = make_arc<Mutex<int>>(0);
    auto h = thread::spawn([](Arc<Mutex<int>> c) { *c->lock() += 1; }, std::move(counter));
    h.join();
    std::cout << *counter->lock() << "\n"; //~ ERROR in the 'consumed' state
}
