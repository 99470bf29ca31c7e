//@ compile-fail
// A borrow hidden inside a value is still a borrow: Report holds a reference
// to main's vector, and thread::spawn's thread may outlive main's locals.
// The error names the member's type, at whatever depth it sits.
// Fix: move the data itself in (a std::vector member), or borrow it in thread::scope.
#include <fearless/fearless.hpp>
#include <vector>
using namespace fearless;

struct Report {
    const std::vector<int>& samples;
    int id;
};

int main() {
    std::vector<int> samples{1, 2, 3};
    Report r{samples, 7};
    thread::spawn([](Report rep) { return rep.samples.size(); }, std::move(r)).join(); //~ ERROR may outlive
}
