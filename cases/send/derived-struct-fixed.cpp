//@ run-pass
// The twin of derived-struct: one aggregate with every field in view, and an
// Arc where the Rc was, is Send.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

struct Task {
    std::string name;
    Arc<int> budget;
};

int main() {
    Task t{"backup", make_arc<int>(3)};
    auto h = thread::spawn([](Task task) { return task.name + " budget " + std::to_string(*task.budget); }, std::move(t));
    std::cout << h.join() << "\n";
}
