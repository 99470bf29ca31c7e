// Channel workloads on the std baseline (std_channel.hpp). The bounded
// flavor waits for room on a condition_variable, like sync_channel(1024).
#include <cstdint>

#include "std_channel.hpp"
#include "workloads.hpp"

namespace {
auto unbounded() { return bench::std_chan::channel<std::uint64_t>(); }
auto bounded() { return bench::std_chan::channel<std::uint64_t>(bench::sync_capacity); }
}  // namespace

BENCH_CHANNELS(unbounded, bounded);
