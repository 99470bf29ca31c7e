// Channel workloads on fearless::mpsc: channel<T>() (unbounded) and
// sync_channel<T>(1024). Until <fearless/mpsc.hpp> exists the binary has
// no channel benchmarks and scripts/bench shows n/a.
#include "workloads.hpp"

#if __has_include(<fearless/mpsc.hpp>)
#include <fearless/mpsc.hpp>

#include <cstdint>

namespace {

auto unbounded() { return fearless::mpsc::channel<std::uint64_t>(); }
auto bounded() { return fearless::mpsc::sync_channel<std::uint64_t>(bench::sync_capacity); }

void channel_unbounded_1p1c(benchmark::State& s) { bench::channel_workload(s, unbounded, 1); }
void channel_unbounded_4p1c(benchmark::State& s) { bench::channel_workload(s, unbounded, 4); }
void sync_channel_1p1c(benchmark::State& s) { bench::channel_workload(s, bounded, 1); }
void sync_channel_4p1c(benchmark::State& s) { bench::channel_workload(s, bounded, 4); }

}  // namespace

BENCH_CHANNEL(channel_unbounded_1p1c);
BENCH_CHANNEL(channel_unbounded_4p1c);
BENCH_CHANNEL(sync_channel_1p1c);
BENCH_CHANNEL(sync_channel_4p1c);
#endif
