//@ run-pass
//@ mirrors: Listing 16-7
// The Sender moves into the spawned thread, which sends "hi" down the channel.
// send() takes the value by ownership (std::move): once sent, it belongs to
// the receiving side. Nobody receives yet, so nothing is printed (Listing 16-8).
#include <fearless/fearless.hpp>
#include <string>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<std::string>();

    thread::spawn([](mpsc::Sender<std::string> tx) {
        std::string val = "hi";
        tx.send(std::move(val));
    }, std::move(tx));
}
