//@ compile-fail
//@ mirrors: Listing 16-13
// Ten threads cannot each own the same Mutex: the first std::move(counter)
// would leave nothing for the others, and a Mutex cannot be moved at all
// (threads may be waiting on it where it lives). Several owners need a shared
// pointer to the one Mutex: Arc<Mutex<int>> (Listing 16-15).
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    Mutex<int> counter{0};
    std::vector<thread::JoinHandle<void>> handles;

    for (int i = 0; i < 10; ++i) {
        handles.push_back(thread::spawn([](Mutex<int> c) { *c.lock() += 1; }, std::move(counter))); //~ ERROR cannot be moved
    }

    for (auto& handle : handles) handle.join();
}
