// The worker pool: runs jobs on N threads and hands each finished index back
// to the calling thread, which alone reports (only reporters print).
//
// Implemented with std::thread and a mutex-guarded queue for now; it moves to
// the project's own fearless::thread::spawn + fearless::mpsc::channel (workers
// send finished indices, the caller receives them) once those land — this
// interface stays the same.
#pragma once

#include <cstddef>
#include <functional>

namespace fearless::check {

// Calls work(i) for every i in [0, count) on up to `workers` threads, and
// done(i) on the calling thread as each one finishes (in completion order).
// If work throws, the first exception is rethrown here after all threads end.
void run_parallel(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t)>& done);

}  // namespace fearless::check
