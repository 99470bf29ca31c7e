//@ compile-fail
// A raw pointer is a borrow the compiler does not track at all: the thread can
// keep it past the end of `reading`'s lifetime and write through it while main
// reads. Pointers never cross to an unscoped thread.
// Fix: move an owner (std::unique_ptr, or the value itself) into the thread.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    int reading = 20;
    thread::spawn([](int* r) { *r += 1; }, &reading).join(); //~ ERROR may outlive
}
