//@ compile-fail
//@ mirrors: Listing 16-3
// A thread may run longer than the function that started it, so it must not
// borrow that function's locals: `[&v]` would leave the thread reading a vector
// that may already be destroyed (a use-after-free). thread::spawn takes only
// lambdas without captures; hand the data over as an owned argument (Listing 16-5).
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    std::vector<int> v{1, 2, 3};

    thread::spawn([&v] { std::cout << "Here's a vector of " << v.size() << "\n"; }).join(); //~ ERROR captures

}
