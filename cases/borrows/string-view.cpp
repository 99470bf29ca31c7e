//@ compile-fail
// std::string_view points into someone else's characters. When `name` is
// reassigned or destroyed while the thread runs, the view dangles, and the
// thread prints garbage or crashes.
// Fix: hand the thread a std::string it owns (move or copy it).
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
#include <string_view>
using namespace fearless;

int main() {
    std::string name = "Ferris";
    thread::spawn([](std::string_view n) { std::cout << n << "\n"; }, std::string_view(name)); //~ ERROR may outlive
    name = "Corro";
}
