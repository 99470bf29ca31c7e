//@ run-pass
// The twin of struct-with-reference: the aggregate owns its vector, so it
// holds no borrow (it is Static) and may move into a thread.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

struct Report {
    std::vector<int> samples;
    int id;
};

int main() {
    Report r{{1, 2, 3}, 7};
    auto h = thread::spawn([](Report rep) { return rep.samples.size(); }, std::move(r));
    std::cout << "samples: " << h.join() << "\n";
}
