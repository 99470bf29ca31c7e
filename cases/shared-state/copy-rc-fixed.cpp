//@ run-pass
// The twin of copy-rc: clone() makes the second owner, visibly.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    Rc<int> a = make_rc<int>(5);
    Rc<int> b = a.clone();
    std::cout << *b << " has " << a.strong_count() << " owners\n";
}
