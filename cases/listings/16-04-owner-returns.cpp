//@ compile-fail
//@ mirrors: Listing 16-4
// The owner of `v` returns (Rust's drop(v)) while the detached thread still
// holds a reference to it: the thread would read freed memory. std::cref makes
// the borrow explicit, and an unscoped thread rejects it because it may outlive
// `v`. Move the vector into the thread, or borrow inside thread::scope.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

void start_printer() {
    std::vector<int> v{1, 2, 3};
    thread::spawn([](const std::vector<int>& v) { std::cout << v.size() << "\n"; }, std::cref(v)); //~ ERROR may outlive
}  // v is destroyed here; the detached thread may not even have started

int main() {
    start_printer();
}
