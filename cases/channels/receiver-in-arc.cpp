//@ compile-fail
// Wrapping the Receiver in an Arc does not make it shareable: a Receiver is not
// Sync, so an Arc<Receiver<T>> cannot go to another thread, where two workers
// would pop one queue at the same time. Fix: move the Receiver into the one
// thread that receives, or give a pool of workers Arc<Mutex<Receiver<T>>>,
// so that one worker at a time waits in recv().
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<int>();
    auto jobs = make_arc<mpsc::Receiver<int>>(std::move(rx));
    thread::spawn([](Arc<mpsc::Receiver<int>> jobs) { /* take jobs from the queue */ }, jobs.clone()).join(); //~ ERROR cannot be sent between threads safely
}
