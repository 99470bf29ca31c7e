//@ run-pass
// The twin of lvalue-to-send: the message is moved into the channel.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();
    std::string msg = "hello";
    tx.send(std::move(msg));
    std::cout << "Got: " << rx.recv().value() << "\n";
}
