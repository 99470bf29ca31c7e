//@ compile-fail
// std::span is a pointer and a length into another object's storage: when main
// grows `samples`, the vector reallocates and the thread's span points at freed
// memory.
// Fix: move the vector into the thread, or borrow it in thread::scope.
#include <fearless/fearless.hpp>
#include <span>
#include <vector>
using namespace fearless;

int main() {
    std::vector<int> samples{3, 1, 4};
    thread::spawn([](std::span<const int> s) { return s.size(); }, std::span<const int>(samples)); //~ ERROR may outlive
    samples.push_back(1);
}
