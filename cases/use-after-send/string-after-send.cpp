//@ compile-fail
//@ only: clang
//@ check: clang-tidy bugprone-use-after-move
// send(std::move(line)) gave the string to the receiver; what is left in `line`
// is an unspecified, usually empty, string. The log below would silently print
// nothing. Rust rejects any use of a sent value; in C++, clang-tidy's
// bugprone-use-after-move finds it. Fix: use the value before sending it.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();
    std::string line = "GET /index.html";
    tx.send(std::move(line));
    std::cout << "sent " << line.size() << " bytes\n"; //~ ERROR used after it was moved
    rx.recv();
}
