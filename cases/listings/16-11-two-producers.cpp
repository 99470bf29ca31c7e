//@ run-pass
//@ mirrors: Listing 16-11
//@ stdout: sorted
// Many producers, one consumer: tx.clone() makes a second Sender, and each
// thread owns one. The loop ends when both are gone. Messages from the two
// threads interleave differently on every run; each thread's own messages
// still arrive in the order it sent them.
#include <fearless/fearless.hpp>
#include <chrono>
#include <iostream>
#include <string>
using namespace fearless;
using namespace std::chrono_literals;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();

    auto tx1 = tx.clone();
    thread::spawn([](mpsc::Sender<std::string> tx) {
        for (std::string val : {"hi", "from", "the", "thread"}) {
            tx.send(std::move(val));
            thread::sleep(1ms);
        }
    }, std::move(tx1));

    thread::spawn([](mpsc::Sender<std::string> tx) {
        for (std::string val : {"more", "messages", "for", "you"}) {
            tx.send(std::move(val));
            thread::sleep(1ms);
        }
    }, std::move(tx));

    for (std::string received : rx) {
        std::cout << "Got: " << received << "\n";
    }
}
