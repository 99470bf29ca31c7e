//@ run-pass
// The twin of receiver-in-arc: the worker pool of the Rust Book's chapter 20.
// The Mutex makes the shared Receiver Sync: a worker locks it, takes one job,
// and releases the lock (the guard dies at the end of the loop condition)
// before working on the job.
#include <fearless/fearless.hpp>
#include <iostream>
#include <vector>
using namespace fearless;

int main() {
    auto [tx, rx] = mpsc::channel<int>();
    auto jobs = make_arc<Mutex<mpsc::Receiver<int>>>(std::move(rx));
    std::vector<thread::JoinHandle<int>> workers;
    for (int w = 0; w < 2; ++w) {
        workers.push_back(thread::spawn([](Arc<Mutex<mpsc::Receiver<int>>> jobs) {
            int done = 0;
            while (auto job = jobs->lock()->recv()) done += *job;
            return done;
        }, jobs.clone()));
    }
    for (int job = 1; job <= 4; ++job) tx.send(int{job});
    { auto last = std::move(tx); }  // the last Sender goes: recv() returns nullopt once the queue is empty
    int total = 0;
    for (auto& w : workers) total += w.join();
    std::cout << "total: " << total << "\n";
}
