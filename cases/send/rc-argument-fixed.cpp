//@ run-pass
// The twin of rc-argument: Arc<T> counts its owners atomically, so a clone
// may be handed to another thread and dropped there safely.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto greeting = make_arc<int>(42);
    auto h = thread::spawn([](Arc<int> g) { std::cout << *g << "\n"; }, greeting.clone());
    h.join();
}
