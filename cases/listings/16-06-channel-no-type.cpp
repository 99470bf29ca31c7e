//@ compile-fail
//@ mirrors: Listing 16-6
// A channel carries values of one type, and nothing sent on it yet tells the
// compiler which. Rust infers it from later sends; C++ cannot, so name it:
// mpsc::channel<std::string>().
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel(); //~ ERROR type annotations needed
}
