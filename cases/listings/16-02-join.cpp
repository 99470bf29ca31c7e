//@ run-pass
//@ mirrors: Listing 16-2
//@ stdout: sorted
// join() blocks until the thread finishes, so every line of both threads is
// printed. The order of the lines varies from run to run: the two threads
// interleave. Each line is built first and written with one `<<`, so that
// lines of the two threads do not mix inside one line.
#include <fearless/fearless.hpp>
#include <chrono>
#include <iostream>
#include <string>
using namespace fearless;
using namespace std::chrono_literals;

int main() {
    auto handle = thread::spawn([] {
        for (int i = 1; i < 10; ++i) {
            std::cout << "hi number " + std::to_string(i) + " from the spawned thread!\n";
            thread::sleep(1ms);
        }
    });

    for (int i = 1; i < 5; ++i) {
        std::cout << "hi number " + std::to_string(i) + " from the main thread!\n";
        thread::sleep(1ms);
    }

    handle.join();
}
