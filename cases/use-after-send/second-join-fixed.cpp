//@ run-pass
//@ only: clang
//@ flags: -Werror=consumed
// The twin of second-join: one join(), its result kept in a variable.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

int main() {
    auto h = thread::spawn([] { return 42; });
    int answer = h.join();
    std::cout << answer << " " << answer << "\n";
}
