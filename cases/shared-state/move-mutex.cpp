//@ compile-fail
// A Mutex stays where it was built: another thread may be waiting on it at that
// address, and moving it would pull the lock out from under the waiter. To hand
// a Mutex around, move a pointer to it: an Arc<Mutex<T>> moves freely.
#include <fearless/fearless.hpp>
#include <string>
using namespace fearless;

int main() {
    Mutex<std::string> log{"started"};
    Mutex<std::string> moved = std::move(log); //~ ERROR cannot be moved
}
