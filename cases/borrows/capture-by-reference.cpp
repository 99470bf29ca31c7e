//@ compile-fail
// A lambda that captures by reference smuggles a borrow past every check:
// `[&]` lets the thread write `count` while main reads it (a data race), and
// keep doing so after main's frame is gone. thread::spawn takes only lambdas
// without captures. Fix: pass the data as an argument, owned.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    int count = 0;
    thread::spawn([&] { count += 1; }); //~ ERROR captures
    std::cout << count << "\n";
}
