//@ compile-fail
// `mutable` lets const code write a member: two scoped threads sharing
// `const Hits&` would both write `count` without synchronization. A mutable
// member keeps the aggregate Sync only if its type is synchronized.
// Fix: make the member std::atomic<int> (or a Mutex<int>).
#include <fearless/fearless.hpp>
using namespace fearless;

struct Hits {
    mutable int count = 0;
    void record() const { ++count; }
};

int main() {
    Hits hits;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const Hits& h) { h.record(); }, std::cref(hits)); //~ ERROR cannot be shared between threads safely
    });
}
