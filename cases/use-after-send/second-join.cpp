//@ compile-fail
//@ only: clang
//@ flags: -Werror=consumed
// join() consumes the JoinHandle: the thread is gone and its result was handed
// over, so a second join() has nothing to wait for (Rust's join(self) makes it
// a compile error; here it would throw std::logic_error at run time). Clang's
// -Wconsumed tracks the handle's state and rejects the second call.
// Fix: join once and keep the result.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto h = thread::spawn([] { return 42; });
    int answer = h.join();
    answer += h.join(); //~ ERROR in the 'consumed' state
}
