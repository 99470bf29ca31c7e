//@ compile-fail
// Depth does not hide a borrow: a reference inside a tuple inside an
// aggregate inside a vector still points at main's string.
// Fix: store the string itself (std::tuple<int, std::string>).
#include <fearless/fearless.hpp>
#include <string>
#include <tuple>
#include <vector>
using namespace fearless;

struct Entry {
    std::tuple<int, const std::string&> key;
};

int main() {
    std::string name = "disk";
    std::vector<Entry> entries{Entry{{1, name}}};
    thread::spawn([](std::vector<Entry> e) { return e.size(); }, std::move(entries)).join(); //~ ERROR may outlive
}
