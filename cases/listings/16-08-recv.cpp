//@ run-pass
//@ mirrors: Listing 16-8
// recv() blocks until a value arrives, and returns std::nullopt once every
// Sender is gone and the queue is empty (Rust's Err(RecvError)). The message
// crossed threads by move: no copy of "hi" stays behind in the sending thread.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();

    thread::spawn([](mpsc::Sender<std::string> tx) {
        std::string val = "hi";
        tx.send(std::move(val));
    }, std::move(tx));

    std::string received = rx.recv().value();
    std::cout << "Got: " << received << "\n";
}
