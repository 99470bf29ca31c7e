//@ run-pass
// The twin of copy-arc: the function only looks, so it borrows the Arc.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

std::size_t length(const Arc<std::string>& s) { return s->size(); }

int main() {
    auto name = make_arc<std::string>("Ferris");
    std::cout << length(name) << " letters, " << name.strong_count() << " owner\n";
}
