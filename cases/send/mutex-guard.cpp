//@ compile-fail
// A MutexGuard is the proof that this thread holds the lock, and the lock must
// be released by the thread that took it (unlocking a mutex from another
// thread is undefined behaviour for most lock implementations).
// Fix: send the Arc<Mutex<T>> and call lock() inside the thread.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto counter = make_arc<Mutex<int>>(0);
    thread::spawn([](MutexGuard<int> g) { *g += 1; }, counter->lock()).join(); //~ ERROR cannot be sent between threads safely
}
