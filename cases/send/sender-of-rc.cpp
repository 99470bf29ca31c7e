//@ compile-fail
// A Sender<T> is Send only if T is: whatever goes through the channel arrives
// on another thread. A Sender<Rc<int>> moved into a thread would send Rc
// handles back to main while the thread keeps clones: a shared, unsynchronized count.
// Fix: a channel of Arc<int>, or of plain values.
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<Rc<int>>();
    thread::spawn([](mpsc::Sender<Rc<int>> tx) { tx.send(make_rc<int>(1)); }, std::move(tx)); //~ ERROR cannot be sent between threads safely
    rx.recv();
}
