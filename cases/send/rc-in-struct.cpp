//@ compile-fail
// An aggregate is Send only if every field is: the Rc inside Job would let the
// thread and main touch one unsynchronized reference count. The error names
// the field's type that is to blame.
// Fix: make the field an Arc<std::string> (or a plain std::string).
#include <fearless/fearless.hpp>
#include <string>
using namespace fearless;

struct Job {
    Rc<std::string> name;
    int id;
};

int main() {
    auto name = make_rc<std::string>("backup");
    Job job{name.clone(), 1};
    thread::spawn([](Job j) { return j.id; }, std::move(job)).join(); //~ ERROR cannot be sent between threads safely
}
