//@ compile-fail
// send() takes ownership of the message: the receiver gets the value itself.
// Passing an lvalue would copy it and leave the sender holding a twin it may
// keep changing, believing it is shared. Fix: tx.send(std::move(msg)), and
// don't use msg afterwards.
#include <fearless/fearless.hpp>
#include <string>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();
    std::string msg = "hello";
    tx.send(msg); //~ ERROR takes ownership
    rx.recv();
}
