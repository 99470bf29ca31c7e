//@ run-pass
// The twin of rc-array-in-struct: an array of Arc handles is Send, so the
// aggregate holding it is too.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

struct Pair {
    Arc<int> ends[2];
};

int main() {
    auto shared = make_arc<int>(7);
    Pair p{{shared.clone(), shared.clone()}};
    auto h = thread::spawn([](Pair q) { return *q.ends[0] + *q.ends[1]; }, std::move(p));
    std::cout << h.join() << "\n";
}
