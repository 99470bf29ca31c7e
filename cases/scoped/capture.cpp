//@ compile-fail
// Scoped threads may borrow, but only through their arguments, where fearless
// checks each one: a `[&]` capture hands over `words` and `count` unchecked,
// and nothing would stop two such threads from writing `count` at once.
// Fix: pass std::cref(words) as an argument and return the result.
#include <fearless/fearless.hpp>
#include <string>
#include <vector>
using namespace fearless;

int main() {
    std::vector<std::string> words{"fearless", "concurrency"};
    std::size_t count = 0;
    thread::scope([&](thread::Scope& s) {
        s.spawn([&] { count = words.size(); }); //~ ERROR captures
    });
}
