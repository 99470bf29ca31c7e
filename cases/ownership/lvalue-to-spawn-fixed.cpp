//@ run-pass
// The twin of lvalue-to-spawn: std::move(v) hands the vector over; main's `v`
// is left empty and is not used again.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    std::vector<int> v{1, 2, 3};
    auto h = thread::spawn([](std::vector<int> v) { return v.size(); }, std::move(v));
    std::cout << h.join() << " elements\n";
}
