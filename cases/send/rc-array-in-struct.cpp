//@ compile-fail
// A C array member counts as one field of its element type: Pair's two Rc
// handles share one unsynchronized reference count with main's `shared`.
// Rc has no default constructor, yet fearless still sees inside the array
// and blames the Rc.
// Fix: make the elements Arc<int>.
#include <fearless/fearless.hpp>
using namespace fearless;

struct Pair {
    Rc<int> ends[2];
};

int main() {
    auto shared = make_rc<int>(7);
    Pair p{{shared.clone(), shared.clone()}};
    thread::spawn([](Pair q) { return *q.ends[0] + *q.ends[1]; }, std::move(p)).join(); //~ ERROR cannot be sent between threads safely
}
