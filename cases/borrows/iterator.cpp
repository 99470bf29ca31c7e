//@ compile-fail
// An iterator points into its container: handing one to thread::spawn lets
// the thread read the vector after main may have destroyed it.
// Fix: hand over the data (or an index into data the thread owns).
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    std::vector<int> v{1, 2, 3};
    thread::spawn([](std::vector<int>::const_iterator it) { return *it; }, v.cbegin()).join(); //~ ERROR may outlive
}
