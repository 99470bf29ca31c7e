//@ run-pass
// The twin of iterator: the thread owns the vector and iterates it itself.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    std::vector<int> v{1, 2, 3};
    auto h = thread::spawn([](std::vector<int> data) { return *data.cbegin(); }, std::move(v));
    std::cout << "first: " << h.join() << "\n";
}
