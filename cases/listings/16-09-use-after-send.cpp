//@ compile-fail
//@ mirrors: Listing 16-9
//@ only: clang
//@ check: clang-tidy bugprone-use-after-move
// Once sent, `val` belongs to the receiver, which may already be changing it:
// reading it here would race, and after the move it is empty anyway. Rust
// rejects the use; C++ has no destructive move, so the compiler accepts it and
// clang-tidy's use-after-move check catches it. Don't touch a value after send().
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();

    thread::spawn([](mpsc::Sender<std::string> tx) {
        std::string val = "hi";
        tx.send(std::move(val));
        std::cout << "val is " << val << "\n"; //~ ERROR used after it was moved
    }, std::move(tx));

    std::cout << "Got: " << rx.recv().value() << "\n";
}
