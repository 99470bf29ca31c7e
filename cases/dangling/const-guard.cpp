//@ compile-fail
// A guard shared between scoped threads is shared as `const MutexGuard&`,
// which gives `const T&` only (Rust's &MutexGuard<T> derefs to &T): the
// threads may read the data together, never write it (clear() is not const).
// Fix: each thread locks the Mutex itself.
#include <fearless/fearless.hpp>
#include <functional>
#include <vector>
using namespace fearless;

int main() {
    Mutex<std::vector<int>> m;
    auto g = m.lock();
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const MutexGuard<std::vector<int>>& guard) { guard->clear(); }, std::cref(g)); //~ ERROR const std::vector<int>
    });
}
