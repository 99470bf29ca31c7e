//@ compile-fail
// Copying an Rc silently adds an owner; in Rust every new owner is an explicit
// Rc::clone(&a), so a reader can count them. fearless keeps that: an Rc cannot
// be copied. Fix: a.clone() for a second owner, std::move(a) to hand it over.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    Rc<int> a = make_rc<int>(5);
    Rc<int> b = a; //~ ERROR cannot be copied
}
