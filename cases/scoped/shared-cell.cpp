//@ compile-fail
// A Cell can be changed through a const reference, with no lock: two threads
// calling hits.set(hits.get() + 1) on one Cell lose updates. A const borrow may
// cross threads only if the type is Sync, and Cell is not.
// Fix: Mutex<int> (or std::atomic<int>) for a counter that threads share.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    Cell<int> hits{0};
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const Cell<int>& h) { h.set(h.get() + 1); }, std::cref(hits)); //~ ERROR cannot be shared between threads safely
    });
}
