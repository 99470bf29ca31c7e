//@ run-pass
// The twin of std-cref: inside thread::scope the borrow is safe, because the
// scope joins its threads before `names` can go away, and std::vector<std::string>
// is Sync (reading it from two threads at once is fine).
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
#include <vector>
using namespace fearless;

int main() {
    std::vector<std::string> names{"Ferris", "Corro"};
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const std::vector<std::string>& n) { std::cout << n.size() << " names\n"; }, std::cref(names));
    });
}
