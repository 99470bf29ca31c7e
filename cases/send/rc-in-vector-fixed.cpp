//@ run-pass
// The twin of rc-in-vector: a vector of Arc is Send, because each element is.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    auto shared = make_arc<int>(1);
    std::vector<Arc<int>> items;
    items.push_back(shared.clone());
    auto h = thread::spawn([](std::vector<Arc<int>> v) { return v.size(); }, std::move(items));
    std::cout << h.join() << " item(s), " << shared.strong_count() << " owner(s) left\n";
}
