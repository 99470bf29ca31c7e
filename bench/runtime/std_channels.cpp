// Channel workloads on the std baseline (std_channel.hpp). The bounded
// flavor waits for room on a condition_variable, like sync_channel(1024).
#include "std_channel.hpp"
#include "workloads.hpp"

#include <cstdint>

namespace {

auto unbounded() { return bench::std_chan::channel<std::uint64_t>(); }
auto bounded() { return bench::std_chan::channel<std::uint64_t>(bench::sync_capacity); }

void channel_unbounded_1p1c(benchmark::State& s) { bench::channel_workload(s, unbounded, 1); }
void channel_unbounded_4p1c(benchmark::State& s) { bench::channel_workload(s, unbounded, 4); }
void sync_channel_1p1c(benchmark::State& s) { bench::channel_workload(s, bounded, 1); }
void sync_channel_4p1c(benchmark::State& s) { bench::channel_workload(s, bounded, 4); }

}  // namespace

BENCH_CHANNEL(channel_unbounded_1p1c);
BENCH_CHANNEL(channel_unbounded_4p1c);
BENCH_CHANNEL(sync_channel_1p1c);
BENCH_CHANNEL(sync_channel_4p1c);
