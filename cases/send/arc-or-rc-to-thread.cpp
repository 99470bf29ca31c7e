//@ revisions: rc arc
//@[rc] compile-fail
//@[arc] compile-pass
// The same thread, given an Rc (revision rc) or an Arc (revision arc). Rc's
// count is a plain integer: two threads cloning or dropping it at once would
// race, so an Rc cannot be sent. Arc counts atomically and may go to a thread.
// Revision arc is rc's control compile: only the pointer differs.
#include <fearless/fearless.hpp>
using namespace fearless;

#ifdef FEARLESS_REVISION_rc
template <class T> using Shared = Rc<T>;
auto make_shared_int(int v) { return make_rc<int>(v); }
#else
template <class T> using Shared = Arc<T>;
auto make_shared_int(int v) { return make_arc<int>(v); }
#endif

int main() {
    auto n = make_shared_int(42);
    thread::spawn([](Shared<int> s) { return *s; }, n.clone()).join(); //~[rc] ERROR cannot be sent between threads safely
}
