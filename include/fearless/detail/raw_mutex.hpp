// The lock under Mutex<T>: one 32-bit atomic word, parked on with a futex
// (parker.hpp), after the design of Rust's futex mutex.
//
// The word holds three bits:
//   locked   - someone holds the lock
//   waiters  - someone may be parked: unlock must wake one
//   poisoned - a holder was destroyed by an exception (Mutex<T> poisoning)
// so Mutex<int> is 8 bytes.
//
// Uncontended lock and unlock are one atomic instruction each with no load
// before them (lock: compare-exchange 0 -> locked; unlock: exchange to 0 when
// the holder knows the poison bit is clear, else compare-exchange locked -> 0),
// and unlock makes no wake-up call unless a thread parked. lock() returns the word as it acquired it, so
// Mutex<T> reads the poison bit without touching the word again; on the fast
// path that word is the constant `locked` and the check folds away. Everything
// else (a poisoned or contended word) leaves the inlined fast paths for
// out-of-line slow paths. A contended lock spins briefly (with doubling
// pauses), because critical sections are usually short, and then parks.
#pragma once

#include "config.hpp"
#include "parker.hpp"
#include "schedule_point.hpp"

#include <atomic>
#include <cstdint>

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

class raw_mutex {
 public:
  static constexpr std::uint32_t locked = 1;
  static constexpr std::uint32_t waiters = 2;
  static constexpr std::uint32_t poisoned = 4;

  constexpr raw_mutex() noexcept = default;

  // The word as acquired (`locked` is set, so it is never 0), or 0 if the
  // lock is held.
  [[nodiscard]] std::uint32_t try_lock() noexcept {
    std::uint32_t s = state_.load(std::memory_order_relaxed);
    while (!(s & locked)) {
      if (state_.compare_exchange_weak(s, s | locked, std::memory_order_acquire,
                                       std::memory_order_relaxed))
        return s | locked;
    }
    return 0;
  }

  // Blocks until the lock is held; returns the word as acquired.
  [[nodiscard]] std::uint32_t lock() noexcept {
    std::uint32_t s = 0;
    if (state_.compare_exchange_strong(s, locked, std::memory_order_acquire,
                                       std::memory_order_relaxed)) [[likely]] {
      FEARLESS_SCHEDULE_POINT(mutex_held);
      return locked;
    }
    return lock_slow(s);
  }

  void unlock() noexcept {
    std::uint32_t s = locked;
    if (state_.compare_exchange_strong(s, 0, std::memory_order_release,
                                       std::memory_order_relaxed)) [[likely]]
      return;
    unlock_slow();
  }

  // unlock() for a holder that knows the poison bit is clear: it acquired the
  // word without it and did not set it, and nobody else sets it (clear_poison
  // only clears). Then the word is `locked`, perhaps with `waiters`, and one
  // exchange releases it, as in Rust.
  void unlock_unpoisoned() noexcept {
    if (state_.exchange(0, std::memory_order_release) & waiters) [[unlikely]] wake_one();
  }

  // Only the holder sets the flag (before unlock), so a waiter that gets the
  // lock next sees it; clear_poison may come from anyone.
  void set_poisoned() noexcept { state_.fetch_or(poisoned, std::memory_order_relaxed); }
  void clear_poisoned() noexcept { state_.fetch_and(~poisoned, std::memory_order_relaxed); }
  bool is_poisoned() const noexcept {
    return state_.load(std::memory_order_relaxed) & poisoned;
  }

 private:
  // Spin while the lock is held and nobody is parked yet: the holder is
  // likely running and about to release it. Stop early once others park.
  // The pauses between looks double (backoff::spin: 1, 2, 4 ... 64, then
  // 64): every look pulls the word's cache line away from the holder, so
  // looking less often lets it finish sooner (scripts/bench,
  // mutex_contended_2t: about twice the throughput of a look after every
  // pause, as Rust's spin does).
  std::uint32_t spin() const noexcept {
    constexpr int looks = 10;
    backoff b;
    std::uint32_t s = state_.load(std::memory_order_relaxed);
    for (int i = 0; i < looks && (s & (locked | waiters)) == locked; ++i) {
      b.spin();
      s = state_.load(std::memory_order_relaxed);
    }
    return s;
  }

  // `s`: the word the fast path's compare-exchange found instead of 0.
  [[gnu::noinline]] std::uint32_t lock_slow(std::uint32_t s) noexcept {
    FEARLESS_SCHEDULE_POINT(mutex_spin);
    if (s & locked) s = spin();
    // Free (perhaps poisoned): take it without announcing a waiter.
    while (!(s & locked)) {
      if (state_.compare_exchange_weak(s, s | locked, std::memory_order_acquire,
                                       std::memory_order_relaxed))
        return s | locked;
    }
    for (;;) {
      // Take the lock if it is free, and either way mark that a thread may
      // park, so its release wakes one. (Taking it this way marks it too:
      // harmless, at worst one spare wake-up, as in Rust.)
      if ((s & (locked | waiters)) != (locked | waiters)) {
        std::uint32_t old = state_.fetch_or(locked | waiters, std::memory_order_acquire);
        if (!(old & locked)) return old | locked | waiters;
        s = old | locked | waiters;
      }
      FEARLESS_SCHEDULE_POINT(mutex_park);
      park_while(state_, s);  // sleeps only while the word is still s
      s = spin();
    }
  }

  // The word was not just `locked`: a thread may be parked (or the mutex is
  // poisoned). Release, keep the poison bit, wake one if one announced itself.
  [[gnu::noinline]] void unlock_slow() noexcept {
    if (state_.fetch_and(~(locked | waiters), std::memory_order_release) & waiters) wake_one();
  }

  [[gnu::noinline]] void wake_one() noexcept {
    FEARLESS_SCHEDULE_POINT(mutex_wake);
    unpark_one(state_);
  }

  std::atomic<std::uint32_t> state_{0};
};

static_assert(sizeof(raw_mutex) == 4);

}  // namespace fearless::detail

FEARLESS_END_HEADER
