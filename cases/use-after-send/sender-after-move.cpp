//@ compile-fail
//@ only: clang
//@ flags: -Werror=consumed
// std::move(tx1) handed the Sender to the thread; main's tx1 is now empty, and
// sending through it would fail at run time. Rust rejects the use of a moved
// value; in C++ Clang's -Wconsumed tracks the Sender's state and rejects it.
// Fix: give each producer its own clone(), and use only the ones you kept.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<int>();
    auto tx1 = tx.clone();
    thread::spawn([](mpsc::Sender<int> tx) { tx.send(1); }, std::move(tx1));
    tx1.send(2); //~ ERROR in the 'consumed' state
}
