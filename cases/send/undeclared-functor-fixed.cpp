//@ run-pass
// The twin of undeclared-functor: Doubler owns only an int, so its author
// declares it Send (Rust's `unsafe impl Send for Doubler {}`), a promise
// the compiler trusts.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

class Doubler {
public:
    explicit Doubler(int base) : base_(base) {}
    int operator()() const { return 2 * base_; }
private:
    int base_;
};
template <> inline constexpr bool fearless::unsafe_impl_send<Doubler> = true;

int main() {
    std::cout << thread::spawn(Doubler{21}).join() << "\n";
}
