//@ run-pass
//@ mirrors: Listing 16-1
// A thread whose JoinHandle is dropped is detached: when main returns, the
// process ends and the spawned thread is stopped wherever it is, work unfinished.
// Here it is still asleep when main is done, so none of its lines appear.
// To wait for a thread, keep its JoinHandle and call join() (Listing 16-2).
#include <fearless/fearless.hpp>
#include <chrono>
#include <iostream>
#include <string>
using namespace fearless;
using namespace std::chrono_literals;

int main() {
    thread::spawn([] {
        thread::sleep(500ms);  // main returns long before this thread wakes up
        for (int i = 1; i < 10; ++i) {
            std::cout << "hi number " + std::to_string(i) + " from the spawned thread!\n";
            thread::sleep(1ms);
        }
    });

    for (int i = 1; i < 5; ++i) {
        std::cout << "hi number " + std::to_string(i) + " from the main thread!\n";
        thread::sleep(1ms);
    }
}
