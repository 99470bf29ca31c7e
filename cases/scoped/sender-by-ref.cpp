//@ compile-fail
// std::ref hands the thread a mutable borrow, which a scoped thread never
// gets, even of a Sender. None is needed: send() works through a const
// Sender& (a Sender is Sync, as in Rust).
// Fix: std::cref(tx).
#include <fearless/fearless.hpp>
#include <functional>
using namespace fearless;

int main() {
    auto chan = mpsc::channel<int>();
    mpsc::Sender<int>& tx = chan.first;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](mpsc::Sender<int>& t) { t.send(1); }, std::ref(tx)); //~ ERROR cannot borrow
    });
}
