//@ compile-fail
//@ mirrors: Listing 16-14
// Rc counts its owners with a plain integer. Ten threads cloning and dropping
// it at once would lose updates to that count and free the Mutex while others
// still use it. Rc is not Send, so it cannot reach another thread; Arc, whose
// count is atomic, can (Listing 16-15).
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    auto counter = make_rc<Mutex<int>>(0);
    std::vector<thread::JoinHandle<void>> handles;

    for (int i = 0; i < 10; ++i) {
        handles.push_back(thread::spawn([](Rc<Mutex<int>> c) { *c->lock() += 1; }, counter.clone())); //~ ERROR cannot be sent between threads safely
    }

    for (auto& handle : handles) handle.join();
}
