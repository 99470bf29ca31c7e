//@ compile-fail
// A class of your own with an operator() is not a lambda: fearless cannot
// read its private members, so it cannot tell whether Doubler is safe to
// run on another thread. It never guesses: the class is not Send until its
// author declares it.
// Fix: after checking every member, declare it with unsafe_impl_send.
#include <fearless/fearless.hpp>
using namespace fearless;

class Doubler {
public:
    explicit Doubler(int base) : base_(base) {}
    int operator()() const { return 2 * base_; }
private:
    int base_;
};

int main() {
    thread::spawn(Doubler{21}).join(); //~ ERROR cannot see inside
}
