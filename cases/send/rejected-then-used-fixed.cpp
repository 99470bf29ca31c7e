//@ run-pass
// The twin of rejected-then-used: with an Arc the spawn is accepted, and the
// handle is joined once.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    auto name = make_arc<std::string>("backup");
    auto h = thread::spawn([](Arc<std::string> n) { return *n; }, name.clone());
    std::string got = h.join();
    std::cout << got << " " << got.size() << "\n";
}
