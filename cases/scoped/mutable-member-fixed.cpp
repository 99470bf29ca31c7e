//@ run-pass
// The twin of mutable-member: a mutable std::atomic<int> may be written from
// many threads at once, so Hits stays Sync and no increment is lost.
#include <fearless/fearless.hpp>
#include <atomic>
#include <iostream>
using namespace fearless;

struct Hits {
    mutable std::atomic<int> count{0};
    void record() const { ++count; }
};

int main() {
    Hits hits;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const Hits& h) { h.record(); }, std::cref(hits));
        s.spawn([](const Hits& h) { h.record(); }, std::cref(hits));
    });
    std::cout << "hits: " << hits.count.load() << "\n";
}
