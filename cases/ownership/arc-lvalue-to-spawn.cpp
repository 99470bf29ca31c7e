//@ compile-fail
// Handing `counter` itself to spawn would give the thread main's only Arc.
// Ownership moves only when you say so: counter.clone() for a new owner (main
// keeps its own), or std::move(counter) to give main's away.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto counter = make_arc<Mutex<int>>(0);
    thread::spawn([](Arc<Mutex<int>> c) { *c->lock() += 1; }, counter).join(); //~ ERROR takes ownership
}
