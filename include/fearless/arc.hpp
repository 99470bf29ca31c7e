// Arc<T>: a thread-safe reference-counted pointer, Rust's std::sync::Arc.
//
// Several owners, possibly on different threads, share one value; it is
// destroyed when the last Arc goes, on whichever thread drops it. Sharing is
// explicit: `a.clone()` makes a new owner; copying an Arc does not compile.
//
//   auto counter = make_arc<Mutex<int>>(0);
//   auto h = thread::spawn([](Arc<Mutex<int>> c) { *c->lock() += 1; },
//                          counter.clone());
//   h.join();                            // *counter->lock() == 1
//
// Guarantees:
//   - One allocation holds the count and the value; an Arc is one pointer.
//   - clone() and destruction are thread-safe (atomic count: relaxed increment,
//     acquire-release decrement, so the last owner sees every write made
//     through the others before it destroys the value).
//   - Access is shared (`const T&`), as Rust's Arc gives `&T`: mutate through
//     something that synchronizes, usually Arc<Mutex<T>>. std::atomic is the
//     exception: its operations are non-const in C++ but thread-safe, so
//     Arc<std::atomic<int>> gives a non-const reference.
//   - Arc<T> is Send and Sync iff T is Send and Sync: an Arc<Cell<int>> can be
//     created, but handing it to another thread does not compile.
//   - A moved-from Arc is empty: only destroying it or assigning to it is valid;
//     Clang's -Wconsumed warns when one is dereferenced or cloned.
//   - Nothing blocks and nothing throws except T's constructor in make_arc.
#pragma once

#include "detail/config.hpp"
#include "detail/refcounted.hpp"
#include "detail/schedule_point.hpp"
#include "marker.hpp"

#include <atomic>
#include <cstddef>
#include <iosfwd>
#include <utility>

FEARLESS_BEGIN_HEADER

namespace fearless {

template <class T>
class FEARLESS_CONSUMABLE(unconsumed) Arc {
  using box = detail::counted_box<T, std::atomic<std::size_t>>;

 public:
  using element_type = T;

  // Arc<T>(std::in_place, args...) builds the value in place; make_arc is the
  // usual spelling.
  template <class... Args>
  FEARLESS_RETURN_TYPESTATE(unconsumed) explicit Arc(std::in_place_t, Args&&... args)
      : box_(new box(std::in_place, std::forward<Args>(args)...)) {}

  Arc(const Arc&) FEARLESS_DELETE("Arc cannot be copied implicitly: call a.clone() to share it, or std::move(a) to hand it over");
  Arc& operator=(const Arc&) FEARLESS_DELETE("Arc cannot be copied implicitly: assign a.clone() to share it, or std::move(a) to hand it over");

  FEARLESS_RETURN_TYPESTATE(unconsumed) Arc(Arc&& other) noexcept : box_(std::exchange(other.box_, nullptr)) {}
  FEARLESS_SET_TYPESTATE(unconsumed) Arc& operator=(Arc&& other) noexcept {
    // Release the old value last: its destructor may reach this handle.
    box* old = std::exchange(box_, std::exchange(other.box_, nullptr));
    release(old);
    return *this;
  }
  ~Arc() { release(box_); }

  // A new owner of the same value (Rust's Arc::clone). Relaxed is enough: a
  // new owner can only be made from an existing one, which keeps the value
  // alive, and passing the new Arc to another thread synchronizes by itself.
  FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") [[nodiscard]] Arc clone() const noexcept {
    // new count >= 2^63 (old >= max_refcount), tested as a sign: GCC then
    // emits `lock add` and a sign jump instead of `lock xadd` and a compare.
    if (static_cast<std::make_signed_t<std::size_t>>(box_->strong.fetch_add(1, std::memory_order_relaxed) + 1) < 0)
      detail::refcount_overflow();
    return Arc(box_);
  }

  // How many Arc share the value; 0 for a moved-from Arc. Other threads may
  // change it at any time, so it is a hint, not a synchronization.
  [[nodiscard]] std::size_t strong_count() const noexcept {
    return box_ ? box_->strong.load(std::memory_order_acquire) : 0;
  }

  FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") [[nodiscard]] detail::shared_access_t<T>& operator*() const noexcept { return box_->value; }
  FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") [[nodiscard]] detail::shared_access_t<T>* operator->() const noexcept { return &box_->value; }
  [[nodiscard]] detail::shared_access_t<T>* get() const noexcept { return box_ ? &box_->value : nullptr; }

  // Mutable access while this is the only owner, else nullptr (Arc::get_mut).
  [[nodiscard]] T* get_mut() noexcept {
    return box_ && box_->strong.load(std::memory_order_acquire) == 1 ? &box_->value : nullptr;
  }

  // Whether two Arc share one allocation (Arc::ptr_eq).
  [[nodiscard]] static bool ptr_eq(const Arc& a, const Arc& b) noexcept { return a.box_ == b.box_; }

  // False only for a moved-from Arc.
  FEARLESS_TEST_TYPESTATE(unconsumed) explicit operator bool() const noexcept { return box_ != nullptr; }

 private:
  FEARLESS_RETURN_TYPESTATE(unconsumed) explicit Arc(box* b) noexcept : box_(b) {}

  static void release(box* b) noexcept {
    FEARLESS_SCHEDULE_POINT(arc_release);
    // acq_rel rather than release + acquire fence: same code on x86 and ARM
    // v8.1, and ThreadSanitizer understands it (it does not model fences).
    if (b && b->strong.fetch_sub(1, std::memory_order_acq_rel) == 1) drop_slow(b);
  }
  // Out of line, as Rust's drop_slow: the last owner is rare, and keeping the
  // delete off the hot path keeps clone+drop small enough to inline.
  [[gnu::noinline]] static void drop_slow(box* b) noexcept {
    FEARLESS_SCHEDULE_POINT(arc_last_ref);
    delete b;
  }

  box* box_;
};

static_assert(sizeof(Arc<int>) == sizeof(void*), "an Arc is one pointer");

// make_arc<T>(args...): a new Arc owning T(args...) (Rust's Arc::new).
// make_arc<Mutex<int>>(0) builds the Mutex in place.
template <class T, class... Args>
[[nodiscard]] Arc<T> make_arc(Args&&... args) {
  return Arc<T>(std::in_place, std::forward<Args>(args)...);
}

// Prints the value, as Rust's Debug for Arc does.
template <class CharT, class Traits, class T>
  requires requires(std::basic_ostream<CharT, Traits>& os, const T& v) { os << v; }
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Arc<T>& a) {
  return os << *a;
}

namespace detail {
// Rust: `impl<T: Send + Sync> Send for Arc<T>` and the same for Sync: an Arc
// lets every thread that holds it reach the value, so T must be Sync, and the
// last owner may destroy it on any thread, so T must be Send.
template <class T> struct send_rule<Arc<T>> : if_send_and_sync<T> {};
template <class T> struct sync_rule<Arc<T>> : if_send_and_sync<T> {};
template <class T> struct static_rule<Arc<T>> : if_static<T> {};
}  // namespace detail

}  // namespace fearless

FEARLESS_END_HEADER
