//@ run-pass
// The twin of sender-of-rc: Arc<int> may travel through a channel between threads.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<Arc<int>>();
    thread::spawn([](mpsc::Sender<Arc<int>> tx) { tx.send(make_arc<int>(1)); }, std::move(tx));
    std::cout << "Got: " << *rx.recv().value() << "\n";
}
