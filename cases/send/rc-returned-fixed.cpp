//@ run-pass
// The twin of rc-returned: an Arc may be returned from a thread.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto h = thread::spawn([] { return make_arc<int>(7); });
    Arc<int> result = h.join();
    std::cout << *result << "\n";
}
