// The lock under Mutex<T>: one 32-bit atomic word, parked on with
// std::atomic::wait (a futex on Linux), after the design of Rust's futex mutex.
//
// The word holds three bits:
//   locked   - someone holds the lock
//   waiters  - someone may be parked: unlock must wake one
//   poisoned - a holder was destroyed by an exception (Mutex<T> poisoning)
// so Mutex<int> is 8 bytes. Uncontended lock and unlock are one atomic
// read-modify-write each, and unlock makes no wake-up call unless a thread
// parked. A contended lock spins briefly, because critical sections are
// usually short, and then parks.
#pragma once

#include "config.hpp"

#include <atomic>
#include <cstdint>

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

inline void spin_pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
  __asm__ __volatile__("yield");
#endif
}

class raw_mutex {
 public:
  static constexpr std::uint32_t locked = 1;
  static constexpr std::uint32_t waiters = 2;
  static constexpr std::uint32_t poisoned = 4;

  constexpr raw_mutex() noexcept = default;

  bool try_lock() noexcept {
    std::uint32_t s = state_.load(std::memory_order_relaxed);
    while (!(s & locked)) {
      if (state_.compare_exchange_weak(s, s | locked, std::memory_order_acquire,
                                       std::memory_order_relaxed))
        return true;
    }
    return false;
  }

  void lock() noexcept {
    std::uint32_t s = state_.load(std::memory_order_relaxed) & poisoned;
    if (state_.compare_exchange_strong(s, s | locked, std::memory_order_acquire,
                                       std::memory_order_relaxed))
      return;
    lock_contended();
  }

  void unlock() noexcept {
    std::uint32_t old = state_.fetch_and(~(locked | waiters), std::memory_order_release);
    if (old & waiters) state_.notify_one();
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
  std::uint32_t spin() const noexcept {
    std::uint32_t s = state_.load(std::memory_order_relaxed);
    for (int i = 0; i < 100 && (s & (locked | waiters)) == locked; ++i) {
      spin_pause();
      s = state_.load(std::memory_order_relaxed);
    }
    return s;
  }

  void lock_contended() noexcept {
    std::uint32_t s = spin();
    if (!(s & locked) &&
        state_.compare_exchange_strong(s, s | locked, std::memory_order_acquire,
                                       std::memory_order_relaxed))
      return;
    for (;;) {
      // Take the lock if it is free, and either way mark that a thread may
      // park, so its release wakes one. (Taking it this way marks it too:
      // harmless, at worst one spare wake-up, as in Rust.)
      if ((s & (locked | waiters)) != (locked | waiters)) {
        std::uint32_t old = state_.fetch_or(locked | waiters, std::memory_order_acquire);
        if (!(old & locked)) return;
        s = old | locked | waiters;
      }
      state_.wait(s, std::memory_order_relaxed);  // returns once the word differs from s
      s = spin();
    }
  }

  std::atomic<std::uint32_t> state_{0};
};

static_assert(sizeof(raw_mutex) == 4);

}  // namespace fearless::detail

FEARLESS_END_HEADER
