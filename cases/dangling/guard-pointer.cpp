//@ compile-fail
//@ only: clang
//@ flags: -Werror=dangling
// get() hands out a pointer that is valid only while the guard lives. Here the
// guard is a temporary, unlocked at the `;`, so `names` points at data other
// threads may be changing. Fix: keep the guard, auto g = shared->lock();
#include <fearless/fearless.hpp>
#include <string>
#include <vector>
using namespace fearless;

int main() {
    auto shared = make_arc<Mutex<std::vector<std::string>>>();
    std::vector<std::string>* names = shared->lock().get(); names->push_back("Ferris"); //~ ERROR will be destroyed at the end of the full-expression
}
