//@ run-pass
// The twin of nested-tuple: the tuple owns its string, so the whole vector
// may move into the thread.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
#include <tuple>
#include <vector>
using namespace fearless;

struct Entry {
    std::tuple<int, std::string> key;
};

int main() {
    std::vector<Entry> entries{Entry{{1, "disk"}}};
    auto h = thread::spawn([](std::vector<Entry> e) { return std::get<1>(e[0].key); }, std::move(entries));
    std::cout << "name: " << h.join() << "\n";
}
