// The worker pool: runs jobs on N threads and hands each finished index back
// to the calling thread, which alone reports (only reporters print).
//
// Built on the project's own primitives: fearless::thread::scope workers send
// finished indices through a fearless::mpsc channel (pool.cpp).
#pragma once

#include <cstddef>
#include <functional>

namespace fearless::check {

// Calls work(i) for every i in [0, count) on up to `workers` threads, and
// done(i) on the calling thread as each one finishes (in completion order).
// If work throws, the first exception is rethrown here after all threads end.
// Once stop_requested() (run/process/stop.hpp), no further job is started:
// done(i) is then never called for the jobs that did not start.
void run_parallel(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t)>& done);

}  // namespace fearless::check
