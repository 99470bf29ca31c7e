//@ run-pass
// The twin of mutable-borrow: a Mutex is Sync, so both threads may share it
// through a const reference; lock() makes their updates take turns.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    Mutex<int> total{0};
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const Mutex<int>& t) { *t.lock() += 1; }, std::cref(total));
        s.spawn([](const Mutex<int>& t) { *t.lock() += 1; }, std::cref(total));
    });
    std::cout << "total: " << *total.lock() << "\n";
}
