//@ run-pass
// The twin of shared-refcell: the Mutex takes the place of the RefCell, and
// lock() the place of borrow_mut().
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    Mutex<std::vector<int>> log;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const Mutex<std::vector<int>>& l) { l.lock()->push_back(1); }, std::cref(log));
        s.spawn([](const Mutex<std::vector<int>>& l) { l.lock()->push_back(2); }, std::cref(log));
    });
    std::cout << "entries: " << log.lock()->size() << "\n";
}
