//@ compile-fail
// std::ref(total) hands the thread a reference to main's local. The thread may
// still be writing through it after `total` is gone (a use-after-free), and
// main may read it meanwhile (a data race). An unscoped thread takes no borrows.
// Fix: move the value in and get the result back from join().
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    int total = 0;
    thread::spawn([](int& t) { t += 1; }, std::ref(total)).join(); //~ ERROR may outlive
    std::cout << total << "\n";
}
