//@ run-pass
// The twin of arrow-without-lock: one guard, two operations under one lock.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    Mutex<std::vector<int>> m;
    {
        auto g = m.lock();
        g->push_back(1);
        g->push_back(2);
    }
    std::cout << "size: " << m.lock()->size() << "\n";
}
