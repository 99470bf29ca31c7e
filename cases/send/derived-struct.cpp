//@ compile-fail
// fearless reads an aggregate's fields with a structured binding, which
// cannot see a base class's members next to the derived class's own. It
// never guesses: a type it cannot see inside is not Send until declared.
// Fix: fold the base's fields into one aggregate (or declare the type
// with unsafe_impl_send if you have checked it yourself).
#include <fearless/fearless.hpp>
#include <string>
using namespace fearless;

struct Named {
    std::string name;
};
struct Task : Named {
    Rc<int> budget;
};

int main() {
    Task t{{"backup"}, make_rc<int>(3)};
    thread::spawn([](Task task) { return task.name.size(); }, std::move(t)).join(); //~ ERROR cannot see inside
}
