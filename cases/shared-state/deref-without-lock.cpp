//@ compile-fail
// With std::mutex the data sits next to the lock and nothing stops you from
// touching it unlocked: a data race that compiles. Mutex<T> owns its data, and
// the only way in is the guard that lock() returns.
// Fix: *m.lock() += 1 (the lock is held until the end of the statement).
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    Mutex<int> m{0};
    *m += 1; //~ ERROR lock()
}
