//@ run-pass
//@ only: clang
//@ flags: -Werror=dangling
// The twin of range-for-over-guard: the guard is named, so the lock is held
// for the whole loop and released at the end of the block.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    Mutex<std::vector<int>> m{std::vector<int>{1, 2, 3}};
    int sum = 0;
    {
        auto g = m.lock();
        for (int x : *g) sum += x;
    }
    std::cout << "sum: " << sum << "\n";
}
