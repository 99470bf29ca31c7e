//@ compile-fail
// Copying a std::vector copies every element, so a vector of Rc would gain a
// second owner for each element without one clone() in sight. It is rejected
// like copying one Rc, but std::vector's copy constructor is unconstrained:
// the first error comes from inside the standard library (libstdc++ asserts
// is_constructible before it constructs), and "cannot be copied" follows, in
// that error's notes on Clang 19 and 22, in a later error on GCC 12 and
// Clang 14. Fix: copy on purpose, cloning each element.
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    std::vector<Rc<int>> owners;
    owners.push_back(make_rc<int>(1));
    std::vector<Rc<int>> copy = owners; //~ ERROR cannot be copied
}
