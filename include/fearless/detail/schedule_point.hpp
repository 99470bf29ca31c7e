// Schedule fuzzing: a test-only hook at the steps where the primitives hand
// work between threads (a claimed slot, a block boundary, a full ring, a
// rendezvous, a disconnect, a lock's spin, park and wake, an Arc's last
// reference). Stress tests on one machine see only the schedules it happens
// to produce; a random yield or short sleep at these points forces the rare
// ones (a sender stalled between claiming a slot and writing it, a receiver
// leaving mid-install).
//
//   FEARLESS_SCHEDULE_POINT(list_block_boundary);
//
// Without -DFEARLESS_SCHEDULE_FUZZ the macro is nothing: no code, no data.
// With it, each call draws from a per-thread generator seeded from
// FEARLESS_SCHEDULE_SEED (default 1) and the thread's ordinal, and sometimes
// yields or sleeps. The same seed gives every thread the same decisions; the
// OS still schedules, so a seed makes a failure likelier to recur, not certain.
#pragma once

#if !defined(FEARLESS_SCHEDULE_FUZZ)

#define FEARLESS_SCHEDULE_POINT(site) ((void)0)

#else

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <thread>

#include "config.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::detail::schedule {

// Every site, so a test can check that a workload reached each of them.
enum class site : unsigned char {
    list_claimed,         // a list slot claimed, its message not written yet
    list_block_boundary,  // the last slot of a block claimed, the next block not linked yet
    list_block_wait,      // a sender finds another installing the next block
    list_head_block,      // the receiver leaves a block for the next
    array_claimed,        // a ring slot claimed, not written yet
    array_full,           // a sender finds the ring full
    array_head_moved,     // the receiver moved the head, the slot not freed yet
    zero_handoff,         // a value handed over under the lock, partner not woken yet
    zero_parking,         // a party queued itself and unlocked, not parked yet
    zero_timeout,         // a timed receive gave up, not withdrawn yet
    slot_filled,          // a message in its slot, not published yet
    disconnect,           // a side's last handle went, the channel not marked yet
    chan_last_ref,        // a channel marked closed, the freeing exchange not done yet
    park_announced,       // a waiter announced itself, its condition not re-checked yet
    notify,               // a notifier changed the condition, waiters not looked at yet
    mutex_held,           // a lock just taken: a stall here sends the others to spin and park
    mutex_spin,           // a lock found held, about to spin
    mutex_park,           // a lock marked waiters, about to park
    mutex_wake,           // an unlock released the word, the waiter not woken yet
    arc_release,          // an Arc about to drop its count
    arc_last_ref,         // the count reached zero, the value not destroyed yet
    count
};

inline constexpr const char* site_names[] = {
    "list_claimed", "list_block_boundary", "list_block_wait", "list_head_block",
    "array_claimed", "array_full", "array_head_moved",
    "zero_handoff", "zero_parking", "zero_timeout",
    "slot_filled", "disconnect", "chan_last_ref", "park_announced", "notify",
    "mutex_held", "mutex_spin", "mutex_park", "mutex_wake",
    "arc_release", "arc_last_ref",
};
static_assert(sizeof(site_names) / sizeof(site_names[0]) == static_cast<std::size_t>(site::count));

// FEARLESS_SCHEDULE_SEED as a number; 1 when unset or not a number.
inline std::uint64_t seed() noexcept {
    static const std::uint64_t s = [] {
        const char* e = std::getenv("FEARLESS_SCHEDULE_SEED");
        char* end = nullptr;
        std::uint64_t v = e ? std::strtoull(e, &end, 10) : 0;
        return (e && *e && end && *end == '\0') ? v : std::uint64_t{1};
    }();
    return s;
}

inline std::atomic<std::uint64_t>& hits(site s) noexcept {
    static std::atomic<std::uint64_t> counts[static_cast<std::size_t>(site::count)];
    return counts[static_cast<std::size_t>(s)];
}

// splitmix64: a full-period generator from any seed, one multiply per step.
inline std::uint64_t next_random() noexcept {
    static std::atomic<std::uint64_t> threads{0};
    thread_local std::uint64_t state = seed() ^ (threads.fetch_add(1, std::memory_order_relaxed) * 0x9e3779b97f4a7c15ull);
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

// About one point in 16 yields, one in 256 sleeps up to 64 µs, one in 8192
// sleeps a millisecond (long enough for every other thread to run on).
inline void point(site s) noexcept {
    hits(s).fetch_add(1, std::memory_order_relaxed);
    std::uint64_t r = next_random();
    if ((r & 0x1fff) == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    else if ((r & 0xff) == 1)
        std::this_thread::sleep_for(std::chrono::microseconds((r >> 16) & 63));
    else if ((r & 0xf) == 2)
        std::this_thread::yield();
}

}  // namespace fearless::detail::schedule

FEARLESS_END_HEADER

#define FEARLESS_SCHEDULE_POINT(s) ::fearless::detail::schedule::point(::fearless::detail::schedule::site::s)

#endif
