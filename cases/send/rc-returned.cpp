//@ compile-fail
// What a thread returns crosses back to the thread that joins it, so it must be
// Send too. An Rc made in the thread may still have owners there (thread-local
// caches, other clones) when join() hands it over.
// Fix: return an Arc<T>, or the plain value.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    thread::spawn([] { return make_rc<int>(7); }).join(); //~ ERROR cannot be sent between threads safely
}
