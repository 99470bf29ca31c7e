//@ compile-fail
// A vector of Mutex cannot be copied either: each copy would be a second lock
// over a second value. As with a vector of Rc, the first error comes from
// inside the standard library and "cannot be copied" follows it. Fix: share
// the vector of mutexes (Arc, or std::cref in a scoped thread), or build a new
// one from the values read under each lock.
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    std::vector<Mutex<int>> counters(2);
    std::vector<Mutex<int>> copy = counters; //~ ERROR cannot be copied
}
