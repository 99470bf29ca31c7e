//@ compile-fail
// A sync_channel, like a channel, needs its message type up front: C++ cannot
// infer it from the sends that come later, as Rust does.
// Fix: mpsc::sync_channel<int>(1).
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::sync_channel(1); //~ ERROR type annotations needed
}
