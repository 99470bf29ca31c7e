//@ run-pass
// The twin of copy-vector-of-mutex: a new vector built from the values read
// under each lock, so the copy is a snapshot with locks of its own.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    std::vector<Mutex<int>> counters(2);
    *counters[1].lock() = 7;
    std::vector<Mutex<int>> copy(counters.size());  // a Mutex cannot move, so no push_back
    for (std::size_t i = 0; i < counters.size(); ++i) *copy[i].lock() = *counters[i].lock();
    std::cout << *copy[1].lock() << "\n";
}
