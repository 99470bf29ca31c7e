// Channel workloads on fearless::mpsc: channel<T>() (unbounded) and
// sync_channel<T>(1024).
#include <fearless/mpsc.hpp>

#include <cstdint>

#include "workloads.hpp"

namespace {
auto unbounded() { return fearless::mpsc::channel<std::uint64_t>(); }
auto bounded() { return fearless::mpsc::sync_channel<std::uint64_t>(bench::sync_capacity); }
}  // namespace

BENCH_CHANNELS(unbounded, bounded);
