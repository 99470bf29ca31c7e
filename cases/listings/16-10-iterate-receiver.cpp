//@ run-pass
//@ mirrors: Listing 16-10
// The receiver is a range: the loop takes each message as it arrives and ends
// when every Sender is gone, here when the thread finishes and drops `tx`.
// One producer, so the messages arrive in the order they were sent.
#include <fearless/fearless.hpp>
#include <chrono>
#include <iostream>
#include <string>
using namespace fearless;
using namespace std::chrono_literals;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();

    thread::spawn([](mpsc::Sender<std::string> tx) {
        for (std::string val : {"hi", "from", "the", "thread"}) {
            tx.send(std::move(val));
            thread::sleep(1ms);
        }
    }, std::move(tx));

    for (std::string received : rx) {
        std::cout << "Got: " << received << "\n";
    }
}
