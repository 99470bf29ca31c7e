//@ compile-fail
// Capturing by value looks safe, but fearless cannot check what a capture list
// copies: `[p]` copies a pointer (still a borrow), `[r]` an Rc (still not Send).
// So spawn takes no captures at all, and every value the thread gets is an
// argument that Send checks. Fix: pass `config` as an argument.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    std::string config = "verbose";
    thread::spawn([config] { std::cout << config << "\n"; }).join(); //~ ERROR captures
}
