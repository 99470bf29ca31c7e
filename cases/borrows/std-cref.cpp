//@ compile-fail
// Even a read-only borrow is unsafe in an unscoped thread: nothing forces the
// thread to finish before `names` is destroyed, so it may read freed memory.
// Fix: borrow inside thread::scope, which joins every thread before it
// returns, or move the vector into the thread.
#include <fearless/fearless.hpp>
#include <string>
#include <vector>
using namespace fearless;

int main() {
    std::vector<std::string> names{"Ferris", "Corro"};
    thread::spawn([](const std::vector<std::string>& n) { return n.size(); }, std::cref(names)).join(); //~ ERROR may outlive
}
