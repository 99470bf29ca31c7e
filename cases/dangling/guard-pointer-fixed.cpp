//@ run-pass
//@ only: clang
//@ flags: -Werror=dangling
// The twin of guard-pointer: the guard is kept, and so is the lock.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
#include <vector>
using namespace fearless;

int main() {
    auto shared = make_arc<Mutex<std::vector<std::string>>>();
    {
        auto g = shared->lock();
        g->push_back("Ferris");
    }
    std::cout << shared->lock()->size() << " name\n";
}
