//@ run-pass
//@ mirrors: Listing 16-5
// The fix for Listings 16-3 and 16-4: move the vector into the thread. The
// lambda takes it by value and spawn receives std::move(v), so the thread owns
// it and nothing can free it underneath; main's `v` is left empty, and Rust
// would reject any later use of it outright.
#include <fearless/fearless.hpp>
#include <cstddef>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    std::vector<int> v{1, 2, 3};

    auto handle = thread::spawn([](std::vector<int> v) {
        std::cout << "Here's a vector: [";
        for (std::size_t i = 0; i < v.size(); ++i) std::cout << (i ? ", " : "") << v[i];
        std::cout << "]\n";
    }, std::move(v));

    handle.join();
}
