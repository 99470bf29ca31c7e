//@ compile-fail
// fearless cannot see the private members of a class, so it cannot know
// whether moving one to a thread is safe (it may hold raw pointers, Rc, a
// thread-local handle...). Such a class is not Send until its author says so,
// with fearless::unsafe_impl_send: the error shows the line to write.
#include <fearless/fearless.hpp>
using namespace fearless;

class Tally {
public:
    void add(int n) { total_ += n; }
    int total() const { return total_; }
private:
    int total_ = 0;
};

int main() {
    Tally t;
    thread::spawn([](Tally t) { t.add(1); return t.total(); }, std::move(t)).join(); //~ ERROR cannot be sent between threads safely
}
