//@ run-pass
// The twin of shared-cell: Mutex<int> is Sync; each thread's get-and-set runs
// under the lock, so neither increment is lost.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    Mutex<int> hits{0};
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const Mutex<int>& h) { *h.lock() += 1; }, std::cref(hits));
        s.spawn([](const Mutex<int>& h) { *h.lock() += 1; }, std::cref(hits));
    });
    std::cout << "hits: " << *hits.lock() << "\n";
}
