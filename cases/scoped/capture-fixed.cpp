//@ run-pass
// The twin of capture: the vector is borrowed through std::cref, the result
// comes back from join() on the scoped thread's handle.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
#include <vector>
using namespace fearless;

int main() {
    std::vector<std::string> words{"fearless", "concurrency"};
    std::size_t count = 0;
    thread::scope([&](thread::Scope& s) {
        auto h = s.spawn([](const std::vector<std::string>& w) { return w.size(); }, std::cref(words));
        count = h.join();
    });
    std::cout << count << " words\n";
}
