// Lock and reference-count workloads on the std baseline: std::mutex (with a
// plain counter beside it) and std::shared_ptr, which stands in for both Arc
// and Rc since the standard library has no single-threaded counted pointer.
#include "workloads.hpp"

#include <cstdint>
#include <memory>
#include <mutex>

namespace {

void mutex_uncontended(benchmark::State& state) {
  std::mutex m;
  std::uint64_t value = 0;
  for (auto _ : state) {
    std::lock_guard lock(m);
    value += 1;
  }
  benchmark::DoNotOptimize(value);
}

void mutex_contended_2t(benchmark::State& state) {
  std::mutex m;
  std::uint64_t value = 0;
  bench::contended_workload(state, [&] {
    std::lock_guard lock(m);
    value += 1;
  });
  if (value != bench::contended_ops) state.SkipWithError("increments lost");
}

void shared_ptr_clone_drop(benchmark::State& state) {
  auto p = std::make_shared<std::uint64_t>(0);
  for (auto _ : state) {
    auto c = p;
    benchmark::DoNotOptimize(c);
  }
}

void arc_clone_drop(benchmark::State& state) { shared_ptr_clone_drop(state); }
void rc_clone_drop(benchmark::State& state) { shared_ptr_clone_drop(state); }

}  // namespace

BENCH_OPS(mutex_uncontended, bench::mutex_ops);
BENCHMARK(mutex_contended_2t)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCH_OPS(arc_clone_drop, bench::arc_ops);
BENCH_OPS(rc_clone_drop, bench::rc_ops);
