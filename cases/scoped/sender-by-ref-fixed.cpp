//@ run-pass
// The twin of sender-by-ref: two scoped threads send through one shared
// `const Sender&`.
#include <fearless/fearless.hpp>
#include <functional>
#include <iostream>
using namespace fearless;

int main() {
    auto chan = mpsc::channel<int>();
    mpsc::Sender<int>& tx = chan.first;
    mpsc::Receiver<int>& rx = chan.second;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const mpsc::Sender<int>& t) { t.send(1); }, std::cref(tx));
        s.spawn([](const mpsc::Sender<int>& t) { t.send(2); }, std::cref(tx));
    });
    int sum = *rx.recv() + *rx.recv();
    std::cout << "sum: " << sum << "\n";
}
