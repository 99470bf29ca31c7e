//@ compile-fail
// std::function erases the type of what it holds, so fearless cannot tell
// whether that is safe on another thread (it could hold an Rc, or a
// reference). It is "cannot see inside" until you declare it.
// Fix: pass the callable itself (a lambda without captures, or a function).
#include <fearless/fearless.hpp>
#include <functional>
using namespace fearless;

int main() {
    std::function<int(int)> twice = [](int x) { return 2 * x; };
    thread::spawn([](std::function<int(int)> f) { return f(21); }, std::move(twice)).join(); //~ ERROR cannot see inside
}
