//@ run-pass
// The twin of rc-in-struct: with an Arc field the aggregate is Send.
#include <fearless/fearless.hpp>
#include <iostream>
#include <string>
using namespace fearless;

struct Job {
    Arc<std::string> name;
    int id;
};

int main() {
    auto name = make_arc<std::string>("backup");
    Job job{name.clone(), 1};
    auto h = thread::spawn([](Job j) { return *j.name + " #" + std::to_string(j.id); }, std::move(job));
    std::cout << h.join() << "\n";
}
