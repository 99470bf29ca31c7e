//@ run-pass
// The twin of arc-of-cell: std::atomic is Sync, so Arc<std::atomic<int>> may
// be shared, and the increment is a single indivisible operation.
#include <fearless/fearless.hpp>
#include <atomic>
#include <iostream>
using namespace fearless;

int main() {
    auto hits = make_arc<std::atomic<int>>(0);
    auto h = thread::spawn([](Arc<std::atomic<int>> c) { c->fetch_add(1); }, hits.clone());
    h.join();
    std::cout << "hits: " << hits->load() << "\n";
}
