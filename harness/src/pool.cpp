#include "pool.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace fearless::check {

void run_parallel(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t)>& done) {
    if (count == 0) return;
    workers = static_cast<unsigned>(std::clamp<std::size_t>(workers, 1, count));
    std::atomic<std::size_t> next{0};
    std::mutex m;
    std::condition_variable cv;
    std::deque<std::size_t> finished;
    std::exception_ptr first_error;

    std::vector<std::thread> threads;
    threads.reserve(workers);
    for (unsigned w = 0; w < workers; ++w) {
        threads.emplace_back([&] {
            for (std::size_t i; (i = next.fetch_add(1)) < count;) {
                try {
                    work(i);
                } catch (...) {
                    std::lock_guard lock(m);
                    if (!first_error) first_error = std::current_exception();
                }
                {
                    std::lock_guard lock(m);
                    finished.push_back(i);
                }
                cv.notify_one();
            }
        });
    }
    for (std::size_t reported = 0; reported < count; ++reported) {
        std::size_t i;
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return !finished.empty(); });
            i = finished.front();
            finished.pop_front();
        }
        done(i);
    }
    for (auto& t : threads) t.join();
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace fearless::check
