//@ run-pass
// The twin of raw-pointer: std::unique_ptr<int> owns its int, so it is Send:
// the thread becomes its only owner and hands it back through join().
#include <fearless/fearless.hpp>
#include <iostream>
#include <memory>
using namespace fearless;

int main() {
    auto reading = std::make_unique<int>(20);
    auto h = thread::spawn([](std::unique_ptr<int> r) { *r += 1; return r; }, std::move(reading));
    reading = h.join();
    std::cout << *reading << "\n";
}
