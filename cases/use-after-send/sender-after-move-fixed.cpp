//@ run-pass
//@ only: clang
//@ flags: -Werror=consumed
// The twin of sender-after-move: the thread got a clone, main sends through
// the Sender it kept.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<int>();
    auto tx1 = tx.clone();
    auto h = thread::spawn([](mpsc::Sender<int> tx) { tx.send(1); }, std::move(tx1));
    h.join();
    tx.send(2);
    int sum = rx.recv().value();
    sum += rx.recv().value();
    std::cout << "sum: " << sum << "\n";
}
