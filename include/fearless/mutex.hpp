// Mutex<T>: a lock that owns the data it protects, Rust's std::sync::Mutex.
//
// The data lives inside the Mutex and is reachable only through the guard
// that lock() returns, so it cannot be touched without holding the lock, and
// the lock cannot be forgotten: the guard releases it when it goes out of
// scope.
//
//   Mutex<int> m{5};                     // or: Mutex m{5};
//   {
//     MutexGuard<int> g = m.lock();      // blocks until the lock is free
//     *g += 1;                           // g-> and g.get() work too
//   }                                    // unlocked here
//   std::cout << m;                      // Mutex { data: 6, poisoned: false, .. }
//
//   auto shared = make_arc<Mutex<int>>(0);   // share between threads with Arc
//
// Guarantees:
//   - lock() and try_lock() are const and thread-safe: locking is itself the
//     synchronization, like Rust's `&self`, so threads share a Mutex through
//     Arc<Mutex<T>> or, in a scoped thread, std::cref(m).
//   - lock() blocks until the lock is free. It is not recursive: locking again
//     on the thread that holds it deadlocks. try_lock() never blocks; it
//     returns std::nullopt when another guard is alive.
//   - Mutex<T> is Send and Sync iff T is Send. MutexGuard<T> is not Send: it
//     must be dropped on the thread that locked, like Rust's.
//   - A Mutex cannot be copied or moved (threads may be parked on it where it
//     is); the guard can be moved but not copied.
//   - Poisoning: a guard destroyed while an exception unwinds the stack marks
//     the Mutex poisoned, since the data may be half-updated. From then on
//     lock() and try_lock() throw fearless::PoisonError<T>, which holds the
//     guard: `catch (PoisonError<T>& e) { auto g = e.into_inner(); ... }`
//     recovers the data (Rust's `lock().unwrap()` panics the same way, and
//     `into_inner()` is its recovery). m.clear_poison() clears the flag.
//     Printing a Mutex never throws PoisonError; it reports the flag.
//   - sizeof(Mutex<int>) == 8: one 32-bit word of state next to the data. An
//     uncontended lock/unlock is one atomic instruction each; a contended lock
//     spins briefly, then parks the thread (futex on Linux); unlock wakes a
//     thread only if one is parked.
#pragma once

#include "detail/config.hpp"
#include "detail/raw_mutex.hpp"
#include "detail/unwinding.hpp"
#include "marker.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

FEARLESS_BEGIN_HEADER

namespace fearless {

template <class T>
class Mutex;

// MutexGuard<T>: proof that the lock of a Mutex<T> is held, and the only way
// to its data. Releases the lock when destroyed. A moved-from guard is empty.
template <class T>
class [[nodiscard]] MutexGuard {
 public:
  MutexGuard(const MutexGuard&) FEARLESS_DELETE("MutexGuard cannot be copied: only one guard holds the lock; move it, or lock() again after it is gone");
  MutexGuard& operator=(const MutexGuard&) FEARLESS_DELETE("MutexGuard cannot be copied: only one guard holds the lock; move it, or lock() again after it is gone");

  MutexGuard(MutexGuard&& other) noexcept
      : mutex_(std::exchange(other.mutex_, nullptr)), probe_(other.probe_), clean_(other.clean_) {}
  MutexGuard& operator=(MutexGuard&& other) noexcept {
    if (this != &other) {
      release();
      mutex_ = std::exchange(other.mutex_, nullptr);
      probe_ = other.probe_;
      clean_ = other.clean_;
    }
    return *this;
  }
  ~MutexGuard() { release(); }

  // The data, for as long as this guard lives (a reference kept past the
  // guard's end is a dangling reference; Clang warns on `int& r = *m.lock();`).
  // A `const MutexGuard&` gives `const T&` only (Rust's `&MutexGuard<T>`
  // derefs to `&T`), so threads sharing a guard cannot write through it.
  T& operator*() noexcept FEARLESS_LIFETIMEBOUND { return mutex_->value; }
  T* operator->() noexcept FEARLESS_LIFETIMEBOUND { return &mutex_->value; }
  T* get() noexcept FEARLESS_LIFETIMEBOUND { return &mutex_->value; }
  const T& operator*() const noexcept FEARLESS_LIFETIMEBOUND { return mutex_->value; }
  const T* operator->() const noexcept FEARLESS_LIFETIMEBOUND { return &mutex_->value; }
  const T* get() const noexcept FEARLESS_LIFETIMEBOUND { return &mutex_->value; }

 private:
  friend class Mutex<T>;

  MutexGuard(const Mutex<T>* m, detail::unwinding_probe probe, bool clean) noexcept
      : mutex_(m), probe_(probe), clean_(clean) {}

  void release() noexcept {
    if (!mutex_) return;
    if (probe_.unwinding()) [[unlikely]] {
      // More exceptions in flight than when we locked: this guard is being
      // destroyed by unwinding, so the critical section did not finish.
      mutex_->raw_.set_poisoned();
      mutex_->raw_.unlock();
    } else if (clean_) [[likely]] {
      mutex_->raw_.unlock_unpoisoned();
    } else {
      mutex_->raw_.unlock();
    }
    mutex_ = nullptr;
  }

  const Mutex<T>* mutex_;
  detail::unwinding_probe probe_;  // std::uncaught_exceptions() when the lock was taken
  bool clean_;  // locked without the poison bit, so it is still clear (see raw_mutex)
};

// Thrown by lock() and try_lock() on a poisoned Mutex<T>. It holds the lock:
// into_inner() hands the guard over (Rust's PoisonError::into_inner); if
// nobody takes it, the lock is released when the exception is destroyed.
template <class T>
class PoisonError : public std::runtime_error {
 public:
  explicit PoisonError(MutexGuard<T>&& guard) noexcept
      : std::runtime_error("poisoned lock: another thread threw while holding it; "
                           "e.into_inner() recovers the guard, m.clear_poison() clears the flag"),
        guard_(std::move(guard)) {}

  // C++ requires a thrown type to be copyable; a copy (catch by value) takes
  // the guard over, so the lock is still held exactly once.
  PoisonError(const PoisonError& other) noexcept
      : std::runtime_error(other), guard_(std::move(other.guard_)) {}
  PoisonError& operator=(const PoisonError&) = delete;

  // The guard of the poisoned Mutex; the lock stays held. Call it once.
  [[nodiscard]] MutexGuard<T> into_inner() noexcept { return std::move(guard_); }

 private:
  mutable MutexGuard<T> guard_;
};

template <class T>
class Mutex {
 public:
  using value_type = T;

  constexpr Mutex() requires std::is_default_constructible_v<T> : value() {}
  constexpr Mutex(T data) noexcept(std::is_nothrow_move_constructible_v<T>)
      : value(std::move(data)) {}
  // Builds the data in place: Mutex<std::vector<int>> m(std::in_place, 10, 0);
  template <class... Args>
    requires std::is_constructible_v<T, Args...>
  constexpr explicit Mutex(std::in_place_t, Args&&... args) : value(std::forward<Args>(args)...) {}
  template <class... Args>
    requires(!std::is_constructible_v<T, Args...> && std::is_aggregate_v<T>)
  constexpr explicit Mutex(std::in_place_t, Args&&... args) : value{std::forward<Args>(args)...} {}

  Mutex(const Mutex&) FEARLESS_DELETE("Mutex cannot be copied: share it with Arc<Mutex<T>>, or with std::cref(m) in a scoped thread");
  Mutex(Mutex&&) FEARLESS_DELETE("Mutex cannot be moved: threads may be waiting on it where it is; share it with Arc<Mutex<T>>, or with std::cref(m) in a scoped thread");
  Mutex& operator=(const Mutex&) FEARLESS_DELETE("Mutex cannot be copied: assign its data instead, *m.lock() = value");
  Mutex& operator=(Mutex&&) FEARLESS_DELETE("Mutex cannot be moved: assign its data instead, *m.lock() = std::move(value)");

  // Reaching the data without the lock is what Mutex<T> exists to prevent.
  T& operator*() const FEARLESS_DELETE("`Mutex` data is only reachable through lock(): write *m.lock()");
  T* operator->() const FEARLESS_DELETE("`Mutex` data is only reachable through lock(): write m.lock()->member");
  T* get() const FEARLESS_DELETE("`Mutex` data is only reachable through lock(): write m.lock().get()");

  // Blocks until the lock is free and returns its guard; the lock is released
  // when the guard is destroyed. Throws PoisonError<T> if the Mutex is poisoned.
  [[nodiscard("the lock is released as soon as the guard is destroyed: keep it, auto g = m.lock();")]]
  MutexGuard<T> lock() const {
    // Counted before locking: it cannot change in between, and the
    // thread-local lookup then stays out of the critical section.
    const detail::unwinding_probe probe;
    // The word as acquired carries the poison bit: no second read (and on
    // the uncontended path it is the constant `locked`, so no test at all).
    const std::uint32_t state = raw_.lock();
    if (state & detail::raw_mutex::poisoned) [[unlikely]] throw_poisoned(probe);
    return MutexGuard<T>(this, probe, true);
  }

  // The guard if the lock is free right now, else std::nullopt; never blocks.
  // Throws PoisonError<T> if it got the lock of a poisoned Mutex.
  [[nodiscard("the lock is released as soon as the guard is destroyed: keep it, if (auto g = m.try_lock())")]]
  std::optional<MutexGuard<T>> try_lock() const {
    const detail::unwinding_probe probe;
    const std::uint32_t state = raw_.try_lock();
    if (!state) return std::nullopt;
    if (state & detail::raw_mutex::poisoned) [[unlikely]] throw_poisoned(probe);
    return std::optional<MutexGuard<T>>(MutexGuard<T>(this, probe, true));
  }

  // Whether a guard was destroyed by an exception. Another thread may change
  // it at any time; a guard you hold pins it.
  [[nodiscard]] bool is_poisoned() const noexcept { return raw_.is_poisoned(); }

  // Declares the data consistent again (Rust's Mutex::clear_poison).
  void clear_poison() const noexcept { raw_.clear_poisoned(); }

  // Mutex { data: 6, poisoned: false, .. }, or data: <locked> while another
  // guard holds it; never blocks and never throws PoisonError.
  template <class CharT, class Traits>
    requires requires(std::basic_ostream<CharT, Traits>& os, const T& v) { os << v; }
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os,
                                                       const Mutex& m) {
    os << "Mutex { data: ";
    if (m.raw_.try_lock()) {
      struct unlock_at_exit {
        detail::raw_mutex& raw;
        ~unlock_at_exit() { raw.unlock(); }
      } unlock{m.raw_};
      os << static_cast<const T&>(m.value);
    } else {
      os << "<locked>";
    }
    return os << ", poisoned: " << (m.raw_.is_poisoned() ? "true" : "false") << ", .. }";
  }

 private:
  friend class MutexGuard<T>;

  // Out of line, so the guard of the usual path never has its address taken
  // and stays in registers. Called holding the lock; the guard made here
  // travels in the exception.
  [[noreturn, gnu::cold, gnu::noinline]] void throw_poisoned(detail::unwinding_probe probe) const {
    throw PoisonError<T>(MutexGuard<T>(this, probe, false));
  }

  mutable detail::raw_mutex raw_;
  mutable T value;  // private: `Mutex` data is only reachable through lock(): write *m.lock()
};

template <class T>
Mutex(T) -> Mutex<T>;

static_assert(sizeof(Mutex<int>) == 8, "Mutex<int> is one word of state next to the data");

namespace detail {
// Rust: `impl<T: Send> Send for Mutex<T>` and `impl<T: Send> Sync for Mutex<T>`:
// the lock hands the data to one thread at a time, so it only has to be Send.
template <class T> struct send_rule<Mutex<T>> : if_send<T> {};
template <class T> struct sync_rule<Mutex<T>> : if_send<T> {};
template <class T> struct static_rule<Mutex<T>> : if_static<T> {};
template <class T> inline constexpr bool synchronized_type<Mutex<T>> = true;  // safe as a `mutable` member
// Rust: `impl<T> !Send for MutexGuard<T>`: the lock is released on the thread
// that took it; `impl<T: Sync> Sync for MutexGuard<T>`.
template <class T> struct send_rule<MutexGuard<T>> : never<blame::guard> {};
template <class T> struct sync_rule<MutexGuard<T>> : if_sync<T> {};
template <class T> struct static_rule<MutexGuard<T>> : never<blame::borrow> {};  // borrows the Mutex
}  // namespace detail

}  // namespace fearless

FEARLESS_END_HEADER
