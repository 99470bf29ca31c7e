//@ compile-fail
// An implicit copy of an Arc (a by-value parameter, a struct copy) adds an
// atomic increment and an owner nobody wrote down. Every new owner is an
// explicit clone(), as in Rust. Fix: take `const Arc<T>&` to look, or pass
// a.clone() to share, or std::move(a) to hand over.
#include <fearless/fearless.hpp>
#include <string>
using namespace fearless;

std::size_t length(Arc<std::string> s) { return s->size(); }

int main() {
    auto name = make_arc<std::string>("Ferris");
    length(name); //~ ERROR cannot be copied
}
