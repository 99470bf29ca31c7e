// Lock and reference-count workloads on fearless::Mutex, Arc and Rc.
#include "workloads.hpp"

#include <fearless/arc.hpp>
#include <fearless/mutex.hpp>
#include <fearless/rc.hpp>

#include <cstdint>

namespace {

void mutex_uncontended(benchmark::State& state) {
  fearless::Mutex<std::uint64_t> m{0};
  for (auto _ : state) *m.lock() += 1;
  benchmark::DoNotOptimize(*m.lock());
}

void mutex_contended_2t(benchmark::State& state) {
  fearless::Mutex<std::uint64_t> m{0};
  bench::contended_workload(state, [&] { *m.lock() += 1; });
  if (*m.lock() != bench::contended_ops) state.SkipWithError("increments lost");
}

void arc_clone_drop(benchmark::State& state) {
  auto a = fearless::make_arc<std::uint64_t>(0);
  for (auto _ : state) {
    auto c = a.clone();
    benchmark::DoNotOptimize(c);
  }
}

void rc_clone_drop(benchmark::State& state) {
  auto r = fearless::make_rc<std::uint64_t>(0);
  for (auto _ : state) {
    auto c = r.clone();
    benchmark::DoNotOptimize(c);
  }
}

}  // namespace

BENCH_OPS(mutex_uncontended, bench::mutex_ops);
BENCHMARK(mutex_contended_2t)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCH_OPS(arc_clone_drop, bench::arc_ops);
BENCH_OPS(rc_clone_drop, bench::rc_ops);
