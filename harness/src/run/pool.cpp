// The pool dogfoods the library: scoped threads borrow the job queue, and each
// worker owns a cloned mpsc::Sender through which it reports finished jobs.
#include "run/pool.hpp"

#include <fearless/mpsc.hpp>
#include <fearless/thread.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>

#include "run/process/stop.hpp"

namespace fearless::check {
namespace {

// What the workers share: which job is next, and the work itself. It holds a
// std::function, which fearless cannot see into, so it is declared Sync below:
// run_parallel's contract is that `work` may run on many threads at once.
class JobQueue {
  public:
    JobQueue(std::size_t count, const std::function<void(std::size_t)>& work) : count_(count), work_(&work) {}

    // The next job index, or count when all are taken.
    std::size_t take() const { return next_.fetch_add(1, std::memory_order_relaxed); }
    std::size_t count() const { return count_; }
    void run(std::size_t i) const { (*work_)(i); }

  private:
    std::size_t count_;
    const std::function<void(std::size_t)>* work_;
    mutable std::atomic<std::size_t> next_{0};
};

struct Finished {
    std::size_t index;
    std::exception_ptr error;  // what work(index) threw, if anything
};

void worker(const JobQueue& jobs, mpsc::Sender<Finished> finished) {
    for (std::size_t i; !stop_requested() && (i = jobs.take()) < jobs.count();) {
        std::exception_ptr error;
        try {
            jobs.run(i);
        } catch (...) {
            error = std::current_exception();
        }
        finished.send(Finished{i, std::move(error)});
    }
}

}  // namespace
}  // namespace fearless::check

template <>
inline constexpr bool fearless::unsafe_impl_sync<fearless::check::JobQueue> = true;

namespace fearless::check {

void run_parallel(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t)>& done) {
    if (count == 0) return;
    workers = static_cast<unsigned>(std::clamp<std::size_t>(workers, 1, count));
    const JobQueue jobs(count, work);
    std::exception_ptr first_error;

    thread::scope([&](thread::Scope& s) {
        auto [tx, rx] = mpsc::channel<Finished>();
        for (unsigned w = 0; w < workers; ++w) s.spawn(worker, std::cref(jobs), tx.clone());
        { auto ours = std::move(tx); }  // the loop below ends when the last worker's Sender is gone
        for (Finished f : rx) {
            if (f.error && !first_error) first_error = f.error;
            done(f.index);
        }
    });
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace fearless::check
