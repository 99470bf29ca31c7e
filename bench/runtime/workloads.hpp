// The workloads of issue 6, written once over the type under test, and the
// operation counts every implementation uses. bench/rust/runtime.rs repeats
// these counts; each result line carries its count and scripts/bench refuses
// to compare results whose counts differ.
#pragma once

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <thread>
#include <utility>
#include <vector>

namespace bench {

inline constexpr std::uint64_t channel_msgs = 5'000'000;  // total, split among producers (the std
                                                          // baseline reaches ~0.5 M msg/s at 4p1c: keeps scripts/bench < 5 min)
inline constexpr std::size_t sync_capacity = 1024;
inline constexpr std::int64_t mutex_ops = 20'000'000;      // lock+unlock, one thread
inline constexpr std::uint64_t contended_ops = 4'000'000;  // total over both threads
inline constexpr std::int64_t arc_ops = 20'000'000;        // clone+drop
inline constexpr std::int64_t rc_ops = 50'000'000;         // clone+drop

using clock = std::chrono::steady_clock;

inline double seconds_since(clock::time_point start) {
  return std::chrono::duration<double>(clock::now() - start).count();
}

// `producers` threads send channel_msgs / producers messages each through
// their own sender; the benchmark thread receives until every sender is gone.
// Timed from creating the channel to joining the producers, as in Rust.
// make() returns {sender, receiver}; a sender has clone() and send(v&&)
// (result testable as bool), a receiver recv() -> std::optional.
template <class MakeChannel>
void channel_workload(benchmark::State& state, MakeChannel make, unsigned producers) {
  for (auto _ : state) {
    const std::uint64_t per = channel_msgs / producers;
    const auto start = clock::now();
    auto [tx, rx] = make();
    std::vector<std::thread> threads;
    for (unsigned p = 0; p < producers; ++p)
      threads.emplace_back(
          [per](auto sender) {
            for (std::uint64_t i = 0; i < per; ++i)
              if (!sender.send(std::uint64_t{i})) std::abort();
          },
          tx.clone());
    { auto last = std::move(tx); }  // only the producers' senders remain
    std::uint64_t received = 0, sum = 0;
    while (auto v = rx.recv()) {
      sum += *v;
      ++received;
    }
    for (auto& t : threads) t.join();
    const double secs = seconds_since(start);
    state.SetIterationTime(secs);
    benchmark::DoNotOptimize(sum);
    if (received != per * producers) state.SkipWithError("messages lost");
    state.counters["msgs_per_s"] = static_cast<double>(received) / secs;
    state.counters["count"] = static_cast<double>(received);
  }
}

// Two threads each run `increment` contended_ops / 2 times; ns per increment.
template <class Increment>
void contended_workload(benchmark::State& state, Increment increment) {
  for (auto _ : state) {
    const std::uint64_t per = contended_ops / 2;
    const auto start = clock::now();
    std::thread a([&] { for (std::uint64_t i = 0; i < per; ++i) increment(); });
    std::thread b([&] { for (std::uint64_t i = 0; i < per; ++i) increment(); });
    a.join();
    b.join();
    const double secs = seconds_since(start);
    state.SetIterationTime(secs);
    state.counters["ns_per_op"] = secs * 1e9 / static_cast<double>(2 * per);
    state.counters["count"] = static_cast<double>(2 * per);
  }
}

}  // namespace bench

// Registration shared by both binaries: one fixed-count run each, so that
// every implementation does exactly the same amount of work.
#define BENCH_CHANNEL(name) BENCHMARK(name)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond)
#define BENCH_OPS(name, n) BENCHMARK(name)->Iterations(n)

// The four channel workloads, for an implementation given by two factories
// returning a (sender, receiver) pair: unbounded, and bounded at sync_capacity.
#define BENCH_CHANNELS(make_unbounded, make_bounded)                                                      \
    namespace {                                                                                           \
    void channel_unbounded_1p1c(benchmark::State& s) { bench::channel_workload(s, make_unbounded, 1); }   \
    void channel_unbounded_4p1c(benchmark::State& s) { bench::channel_workload(s, make_unbounded, 4); }   \
    void sync_channel_1p1c(benchmark::State& s) { bench::channel_workload(s, make_bounded, 1); }          \
    void sync_channel_4p1c(benchmark::State& s) { bench::channel_workload(s, make_bounded, 4); }          \
    }                                                                                                     \
    BENCH_CHANNEL(channel_unbounded_1p1c);                                                                \
    BENCH_CHANNEL(channel_unbounded_4p1c);                                                                \
    BENCH_CHANNEL(sync_channel_1p1c);                                                                     \
    BENCH_CHANNEL(sync_channel_4p1c)
