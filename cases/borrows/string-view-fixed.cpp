//@ run-pass
// The twin of string-view: the thread gets its own std::string, so main may
// reassign `name` while the thread prints.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    std::string name = "Ferris";
    auto h = thread::spawn([](std::string n) { std::cout << n << "\n"; }, std::string(name));
    name = "Corro";
    h.join();
}
