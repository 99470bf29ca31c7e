//@ compile-fail
// mpsc means multiple producer, single consumer. Two copies of a Receiver
// would let two threads pop the same queue, each seeing only some messages
// (and racing on the queue itself). Fix: keep one Receiver and move it to the
// one thread that receives; for more consumers, share work another way.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<int>();
    mpsc::Receiver<int> second = rx; //~ ERROR single consumer
    tx.send(1);
}
