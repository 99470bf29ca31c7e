//@ run-pass
// The twin of channel-no-type (and of Listing 16-6): the message type is named.
// A bounded channel of capacity 1 holds the one message until it is received.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::sync_channel<int>(1);
    tx.send(1);
    std::cout << "Got: " << rx.recv().value() << "\n";
}
