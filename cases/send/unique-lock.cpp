//@ compile-fail
// A std::unique_lock must be unlocked by the thread that locked: moving it
// into another thread makes that unlock undefined behaviour. Like a
// MutexGuard, a lock guard is not Send.
// Fix: share the mutex and lock it inside the thread (better: Mutex<T>).
#include <fearless/fearless.hpp>
#include <mutex>
using namespace fearless;

int main() {
    static std::mutex m;
    std::unique_lock<std::mutex> lock(m);
    thread::spawn([](std::unique_lock<std::mutex> l) { l.unlock(); }, std::move(lock)).join(); //~ ERROR cannot be sent between threads safely
}
