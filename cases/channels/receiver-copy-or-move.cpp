//@ revisions: copy move
//@[copy] compile-fail
//@[move] compile-pass
// One file, two ways to hand a Receiver to its consumer. Copying it (revision
// copy) would give two threads the one queue, so it is rejected: mpsc is
// multiple producer, single consumer. Moving it (revision move) compiles: the
// thread owns the only Receiver. Revision move is copy's control compile.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<int>();
#ifdef FEARLESS_REVISION_copy
    mpsc::Receiver<int> second = rx; //~[copy] ERROR single consumer
#else
    auto consumer = thread::spawn([](mpsc::Receiver<int> r) { return r.recv().value_or(0); }, std::move(rx));
    tx.send(1);
    consumer.join();
#endif
}
