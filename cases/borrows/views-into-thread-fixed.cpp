//@ run-pass
// The twin of views-into-thread: a scoped thread may take the vector of
// views (Rust accepts a Vec<&str> there): the strings outlive the scope, and
// a shared borrow of Sync data is Send.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>
using namespace fearless;

int main() {
    std::string a = "alpha", b = "beta";
    std::vector<std::string_view> words{a, b};
    std::size_t n = thread::scope([&](thread::Scope& s) {
        return s.spawn([](std::vector<std::string_view> w) { return w.size(); }, std::move(words)).join();
    });
    std::cout << "words: " << n << "\n";
}
