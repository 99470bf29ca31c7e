//@ run-pass
// The twin of const-guard: the threads share the Mutex and each takes the
// lock to write.
#include <fearless/fearless.hpp>
#include <functional>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    Mutex<std::vector<int>> m;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const Mutex<std::vector<int>>& mm) { mm.lock()->push_back(1); }, std::cref(m));
        s.spawn([](const Mutex<std::vector<int>>& mm) { mm.lock()->push_back(2); }, std::cref(m));
    });
    std::cout << "size: " << m.lock()->size() << "\n";
}
