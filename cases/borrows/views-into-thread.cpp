//@ compile-fail
// A vector of string_views owns only the views: the characters stay in main's
// strings, which an unscoped thread may outlive.
// Fix: thread::scope, which joins before the strings go (see the twin).
#include <fearless/fearless.hpp>
#include <string>
#include <string_view>
#include <vector>
using namespace fearless;

int main() {
    std::string a = "alpha", b = "beta";
    std::vector<std::string_view> words{a, b};
    thread::spawn([](std::vector<std::string_view> w) { return w.size(); }, std::move(words)).join(); //~ ERROR may outlive
}
