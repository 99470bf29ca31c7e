//@ run-pass
// The twin of capture-by-value: the string travels as an argument, so spawn
// can check that it is Send (it is: a std::string owns its characters).
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    std::string config = "verbose";
    auto h = thread::spawn([](std::string c) { std::cout << c << "\n"; }, std::move(config));
    h.join();
}
