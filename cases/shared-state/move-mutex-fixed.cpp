//@ run-pass
// The twin of move-mutex: the Arc moves, the Mutex it points to stays put.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    auto log = make_arc<Mutex<std::string>>("started");
    Arc<Mutex<std::string>> moved = std::move(log);
    std::cout << *moved->lock() << "\n";
}
