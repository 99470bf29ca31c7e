//@ run-pass
// The twin of copy-receiver: the one Receiver moves to the consumer thread.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<int>();
    auto consumer = thread::spawn([](mpsc::Receiver<int> rx) {
        int sum = 0;
        for (int n : rx) sum += n;
        return sum;
    }, std::move(rx));
    for (int i = 1; i <= 3; ++i) tx.send(int{i});
    { auto done = std::move(tx); }  // the last Sender goes: the consumer's loop ends
    std::cout << "sum: " << consumer.join() << "\n";
}
