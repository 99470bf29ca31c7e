//@ run-pass
// The twin of undeclared-class: Tally owns only an int, so its author declares
// it Send (Rust's `unsafe impl Send for Tally {}`): a promise the compiler
// trusts, so make it only after reading every member.
#include <fearless/fearless.hpp>
#include <iostream>
using namespace fearless;

class Tally {
public:
    void add(int n) { total_ += n; }
    int total() const { return total_; }
private:
    int total_ = 0;
};
template <> inline constexpr bool fearless::unsafe_impl_send<Tally> = true;

int main() {
    Tally t;
    auto h = thread::spawn([](Tally t) { t.add(1); return t.total(); }, std::move(t));
    std::cout << "total: " << h.join() << "\n";
}
