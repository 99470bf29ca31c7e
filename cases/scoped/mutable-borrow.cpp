//@ compile-fail
// Two scoped threads holding std::ref(total) could both write `total` at once:
// a data race, and lost updates. Rust allows one `&mut` at a time; fearless
// cannot count borrows, so a scoped thread gets no mutable borrow at all.
// Fix: share a Mutex<int> through std::cref and lock() in each thread.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    int total = 0;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](int& t) { t += 1; }, std::ref(total)); //~ ERROR cannot borrow
    });
}
