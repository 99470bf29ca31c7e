//@ compile-fail
// m->push_back() would change the vector while another thread may hold the
// lock and be reading it. Mutex<T> has no unlocked way to its data.
// Fix: m.lock()->push_back(...), or keep the guard for several operations:
// auto g = m.lock(); g->push_back(...); g->push_back(...);
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    Mutex<std::vector<int>> m;
    m->push_back(1); //~ ERROR lock()
}
