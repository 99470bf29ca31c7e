//@ run-pass
// The twin of std-function: a function is all three of Send, Sync and
// Static, so it may be the thread's callable or one of its arguments.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int twice(int x) { return 2 * x; }

int main() {
    auto h = thread::spawn([](int (*f)(int)) { return f(21); }, &twice);
    std::cout << "answer: " << h.join() << "\n";
}
