//@ run-pass
// The twin of copy-vector-of-rc: each element is cloned on purpose, so every
// new owner is visible where it is made.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    std::vector<Rc<int>> owners;
    owners.push_back(make_rc<int>(1));
    std::vector<Rc<int>> copy;
    for (const Rc<int>& r : owners) copy.push_back(r.clone());
    std::cout << copy.size() << " copy, " << owners[0].strong_count() << " owners of the first element\n";
}
