//@ run-pass
// The twin of span: the thread owns the vector, and gives it back with the result.
#include <fearless/fearless.hpp>
#include <iostream>
#include <numeric>
#include <vector>
using namespace fearless;

int main() {
    std::vector<int> samples{3, 1, 4};
    auto h = thread::spawn([](std::vector<int> s) { return std::accumulate(s.begin(), s.end(), 0); }, std::move(samples));
    std::cout << "sum: " << h.join() << "\n";
}
