//@ compile-fail
// A container is Send only if its elements are: moving a std::vector<Rc<int>>
// to a thread moves the Rc handles, whose unsynchronized counts are still
// shared with the copies left behind (the `keep` clone here).
// Fix: std::vector<Arc<int>>, or a vector of plain values.
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    auto shared = make_rc<int>(1);
    std::vector<Rc<int>> items;
    items.push_back(shared.clone());
    thread::spawn([](std::vector<Rc<int>> v) { return v.size(); }, std::move(items)).join(); //~ ERROR cannot be sent between threads safely
}
