//@ compile-fail
// Copying a Mutex would copy its data and leave two locks guarding two
// different values: each thread would lock "the" counter and update its own
// copy, and updates would be lost. Fix: share one Mutex, through
// Arc<Mutex<T>> (or std::cref in a scoped thread).
#include <fearless/fearless.hpp>
using namespace fearless;

int main() {
    Mutex<int> counter{0};
    Mutex<int> copy = counter; *copy.lock() += 1; //~ ERROR cannot be copied
}
