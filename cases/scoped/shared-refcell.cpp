//@ compile-fail
// RefCell checks its borrows with a plain counter, correct on one thread only:
// two threads calling borrow_mut() at once can both win, and both change the
// vector together. RefCell is not Sync.
// Fix: Mutex<std::vector<int>>, the thread-safe RefCell.
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

int main() {
    RefCell<std::vector<int>> log;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const RefCell<std::vector<int>>& l) { l.borrow_mut()->push_back(1); }, std::cref(log)); //~ ERROR cannot be shared between threads safely
    });
}
