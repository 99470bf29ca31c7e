//@ compile-fail
// Arc<T> gives every thread that holds it a `const T&`. That is only safe if T
// is Sync; a Cell changes its value through a const reference without any
// lock, so two threads calling set() would race.
// Fix: Arc<Mutex<T>> or Arc<std::atomic<T>>.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto hits = make_arc<Cell<int>>(0);
    thread::spawn([](Arc<Cell<int>> c) { c->set(c->get() + 1); }, hits.clone()).join(); //~ ERROR cannot be sent between threads safely
}
