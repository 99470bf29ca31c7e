//@ run-pass
// The twin of capture-by-reference: the thread receives the count as an owned
// argument and returns the new value; main reads it only after join().
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    int count = 0;
    auto h = thread::spawn([](int c) { return c + 1; }, int{count});
    count = h.join();
    std::cout << count << "\n";
}
