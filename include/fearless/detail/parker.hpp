// Parking a thread on a 32-bit atomic, and the spin-then-yield backoff that
// comes before it. The machinery under the channels and scoped joins.
//
//   park_while(word, seen)                 sleep while `word == seen` (may wake spuriously)
//   park_until_changed(word, seen, when)   the same with a steady_clock deadline; false once it passed
//   unpark_one(word) / unpark_all(word)
//
// This is what std::atomic<uint32_t>::wait/notify are, minus two things the
// channels cannot live with: wait has no timeout (recv_timeout needs one), and
// libstdc++ routes every atomic through one shared table of waiter counts, so
// its notify pays an extra read-modify-write and cannot wake a thread parked
// any other way. On Linux these call the futex directly; elsewhere they fall
// back to std::atomic::wait/notify, and a timed wait polls.
//
// Callers keep their own "somebody is parked" count, so the fast path of a
// channel never enters the kernel: wake_* is called only when a waiter
// announced itself.
#pragma once

#include <atomic>
#include "chrono.hpp"
#include <cstdint>
#include <thread>

#if defined(__linux__)
#include <cerrno>
#include <ctime>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "config.hpp"
#include "schedule_point.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

// Producer and consumer state on separate cache lines (x86-64 and AArch64
// prefetch lines in pairs, hence 128, as crossbeam's CachePadded).
#if defined(__x86_64__) || defined(__aarch64__) || defined(__powerpc64__)
inline constexpr std::size_t cache_line = 128;
#else
inline constexpr std::size_t cache_line = 64;
#endif

using steady_time = std::chrono::steady_clock::time_point;

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));

#if defined(__linux__)

inline void park_while(const std::atomic<std::uint32_t>& word, std::uint32_t seen) noexcept {
    ::syscall(SYS_futex, static_cast<const void*>(&word), FUTEX_WAIT_PRIVATE, seen, nullptr, nullptr, 0);
}

// FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC time: steady_clock's.
inline bool park_until_changed(const std::atomic<std::uint32_t>& word, std::uint32_t seen, steady_time deadline) noexcept {
    auto since_epoch = deadline.time_since_epoch();
    if (deadline <= std::chrono::steady_clock::now()) return false;
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    timespec ts{};
    ts.tv_sec = static_cast<time_t>(secs.count());
    ts.tv_nsec = static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - secs).count());
    long r = ::syscall(SYS_futex, static_cast<const void*>(&word), FUTEX_WAIT_BITSET_PRIVATE, seen, &ts, nullptr,
                       FUTEX_BITSET_MATCH_ANY);
    return !(r == -1 && errno == ETIMEDOUT);
}

inline void unpark_one(std::atomic<std::uint32_t>& word) noexcept {
    ::syscall(SYS_futex, static_cast<const void*>(&word), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

inline void unpark_all(std::atomic<std::uint32_t>& word) noexcept {
    ::syscall(SYS_futex, static_cast<const void*>(&word), FUTEX_WAKE_PRIVATE, 0x7fffffff, nullptr, nullptr, 0);
}

#else

inline void park_while(const std::atomic<std::uint32_t>& word, std::uint32_t seen) noexcept { word.wait(seen); }

inline bool park_until_changed(const std::atomic<std::uint32_t>& word, std::uint32_t seen, steady_time deadline) noexcept {
    auto pause = std::chrono::microseconds(20);
    while (word.load(std::memory_order_acquire) == seen) {
        auto now = std::chrono::steady_clock::now();
        if (now >= deadline) return false;
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
        if (pause < std::chrono::milliseconds(1)) pause *= 2;
    }
    return true;
}

inline void unpark_one(std::atomic<std::uint32_t>& word) noexcept { word.notify_one(); }
inline void unpark_all(std::atomic<std::uint32_t>& word) noexcept { word.notify_all(); }

#endif

inline void pause_cpu() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

// crossbeam's Backoff: spin() for a lost race (retry soon), snooze() while
// waiting for another thread to finish a step; completed() says it is time to
// park instead.
class backoff {
public:
    void spin() noexcept {
        for (unsigned i = 0; i < (1u << (step_ < spin_limit ? step_ : spin_limit)); ++i) pause_cpu();
        if (step_ <= spin_limit) ++step_;
    }
    void snooze() noexcept {
        if (step_ <= spin_limit) {
            for (unsigned i = 0; i < (1u << step_); ++i) pause_cpu();
        } else {
            std::this_thread::yield();
        }
        if (step_ <= yield_limit) ++step_;
    }
    bool completed() const noexcept { return step_ > yield_limit; }

private:
    static constexpr unsigned spin_limit = 6;
    static constexpr unsigned yield_limit = 10;
    unsigned step_ = 0;
};

// An event count: waiters read `key()`, announce themselves, re-check their
// condition, then `park(key)`; notifiers change the condition, then call
// `notify_*`, which costs one load when nobody is parked.
//
// The pairing that makes a lost wake-up impossible: a waiter's announce is a
// seq_cst RMW followed by seq_cst loads of the condition; a notifier's change
// is a seq_cst RMW (or store) followed by the seq_cst load of `waiters_`.
// In the single order of seq_cst operations one of them sees the other.
class event {
public:
    std::uint32_t key() const noexcept { return epoch_.load(std::memory_order_acquire); }
    void announce() noexcept { waiters_.fetch_add(1, std::memory_order_seq_cst); }
    void retire() noexcept { waiters_.fetch_sub(1, std::memory_order_relaxed); }
    void park(std::uint32_t key) noexcept { detail::park_while(epoch_, key); }
    bool park_until(std::uint32_t key, steady_time deadline) noexcept { return detail::park_until_changed(epoch_, key, deadline); }

    void notify_one() noexcept {
        FEARLESS_SCHEDULE_POINT(notify);
        if (waiters_.load(std::memory_order_seq_cst) != 0) {
            epoch_.fetch_add(1, std::memory_order_release);
            detail::unpark_one(epoch_);
        }
    }
    void notify_all() noexcept {
        FEARLESS_SCHEDULE_POINT(notify);
        if (waiters_.load(std::memory_order_seq_cst) != 0) {
            epoch_.fetch_add(1, std::memory_order_release);
            detail::unpark_all(epoch_);
        }
    }

private:
    std::atomic<std::uint32_t> epoch_{0};
    std::atomic<std::uint32_t> waiters_{0};
};

}  // namespace fearless::detail

FEARLESS_END_HEADER
