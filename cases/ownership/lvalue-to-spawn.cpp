//@ compile-fail
// spawn takes ownership of its arguments, as Rust's `move` closure does. With
// an lvalue, C++ would quietly copy the whole vector, and main would go on
// changing a copy the thread never sees: the hand-over must be visible.
// Fix: std::move(v) to hand it over (or pass a copy explicitly, if you mean it).
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    std::vector<int> v{1, 2, 3};
    thread::spawn([](std::vector<int> v) { return v.size(); }, v).join(); //~ ERROR takes ownership
}
