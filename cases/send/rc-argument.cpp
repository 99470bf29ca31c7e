//@ compile-fail
// Rc<T> is not Send: its reference count is a plain integer, so two threads
// cloning or dropping copies at once lose updates, and the value is freed
// twice or never. C++ would accept the program and race silently.
// Fix: use Arc<T>, whose count is atomic.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto greeting = make_rc<int>(42);
    thread::spawn([](Rc<int> g) { std::cout << *g << "\n"; }, greeting.clone()).join(); //~ ERROR cannot be sent between threads safely
}
