//@ run-pass
//@ only: clang
//@ check: clang-tidy bugprone-use-after-move
// The twin of string-after-send: everything the sender needs from the string
// is read before it is moved into the channel.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();
    std::string line = "GET /index.html";
    std::size_t bytes = line.size();
    tx.send(std::move(line));
    std::cout << "sent " << bytes << " bytes\n";
    std::cout << "Got: " << rx.recv().value() << "\n";
}
