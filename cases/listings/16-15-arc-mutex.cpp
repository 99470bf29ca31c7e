//@ run-pass
//@ mirrors: Listing 16-15
// Arc<Mutex<int>>: Arc gives every thread an owner of the same Mutex (with an
// atomic count), the Mutex lets one thread at a time add to the counter. No
// update is lost: the result is always 10.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    auto counter = make_arc<Mutex<int>>(0);
    std::vector<thread::JoinHandle<void>> handles;

    for (int i = 0; i < 10; ++i) {
        handles.push_back(thread::spawn([](Arc<Mutex<int>> c) { *c->lock() += 1; }, counter.clone()));
    }

    for (auto& handle : handles) handle.join();

    std::cout << "Result: " << *counter->lock() << "\n";
}
