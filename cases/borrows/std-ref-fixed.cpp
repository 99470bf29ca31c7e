//@ run-pass
// The twin of std-ref: the thread owns its copy and returns the new total;
// join() hands it back, after the thread has finished.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    int total = 0;
    auto h = thread::spawn([](int t) { return t + 1; }, int{total});
    total = h.join();
    std::cout << total << "\n";
}
