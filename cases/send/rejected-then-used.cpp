//@ compile-fail
// One mistake, one error: after a rejected spawn, the lines that use the
// handle (printing the joined value, calling a method on it) compile as
// they would have, so the only error is the one that says what is wrong.
// Fix: Arc instead of Rc.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

template <class Handle>
void report(Handle h) {
    std::string got = h.join();
    std::cout << h.join() << " " << h.join().size() << " " << got << "\n";
}

int main() {
    auto name = make_rc<std::string>("backup");
    report(thread::spawn([](Rc<std::string> n) { return *n; }, name.clone())); //~ ERROR cannot be sent between threads safely
}
