// Rc<T>: a single-threaded reference-counted pointer, Rust's std::rc::Rc.
//
// Several owners share one value; it is destroyed when the last Rc goes.
// Sharing is always explicit: `r.clone()` makes a new owner, while copying an
// Rc does not compile, so every new owner is visible in the source.
//
//   Rc<std::string> a = make_rc<std::string>("hello");
//   Rc<std::string> b = a.clone();       // a.strong_count() == 2
//   std::size_t n = b->size();           // shared access: const std::string&
//
// Guarantees:
//   - One allocation holds the count and the value; an Rc is one pointer.
//   - The count is a plain integer, so an Rc is neither Send nor Sync: handing
//     one to a thread does not compile. Use Arc<T> to share across threads.
//   - Access is shared (`const T&`), as Rust's Rc gives `&T`; to mutate,
//     put a Cell<T> or RefCell<T> inside: Rc<RefCell<T>>.
//   - A moved-from Rc is empty: only destroying it or assigning to it is valid;
//     Clang's -Wconsumed warns when one is dereferenced or cloned.
//   - Nothing blocks and nothing throws except T's constructor in make_rc.
#pragma once

#include "detail/config.hpp"
#include "detail/refcounted.hpp"
#include "marker.hpp"

#include <cstddef>
#include <iosfwd>
#include <utility>

FEARLESS_BEGIN_HEADER

namespace fearless {

template <class T>
class FEARLESS_CONSUMABLE(unconsumed) Rc {
  using box = detail::counted_box<T, std::size_t>;

 public:
  using element_type = T;

  // Rc<T>(std::in_place, args...) builds the value in place; make_rc is the
  // usual spelling.
  template <class... Args>
  FEARLESS_RETURN_TYPESTATE(unconsumed) explicit Rc(std::in_place_t, Args&&... args)
      : box_(new box(std::in_place, std::forward<Args>(args)...)) {}

  Rc(const Rc&) FEARLESS_DELETE("Rc cannot be copied implicitly: call r.clone() to share it, or std::move(r) to hand it over");
  Rc& operator=(const Rc&) FEARLESS_DELETE("Rc cannot be copied implicitly: assign r.clone() to share it, or std::move(r) to hand it over");

  FEARLESS_RETURN_TYPESTATE(unconsumed) Rc(Rc&& other) noexcept : box_(std::exchange(other.box_, nullptr)) {}
  FEARLESS_SET_TYPESTATE(unconsumed) Rc& operator=(Rc&& other) noexcept {
    // Release the old value last: its destructor may reach this handle.
    box* old = std::exchange(box_, std::exchange(other.box_, nullptr));
    release(old);
    return *this;
  }
  ~Rc() { release(box_); }

  // A new owner of the same value (Rust's Rc::clone).
  FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") [[nodiscard]] Rc clone() const noexcept {
    if (box_->strong >= detail::max_refcount) detail::refcount_overflow();
    ++box_->strong;
    return Rc(box_);
  }

  // How many Rc share the value; 0 for a moved-from Rc.
  [[nodiscard]] std::size_t strong_count() const noexcept { return box_ ? box_->strong : 0; }

  FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") [[nodiscard]] detail::shared_access_t<T>& operator*() const noexcept { return box_->value; }
  FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") [[nodiscard]] detail::shared_access_t<T>* operator->() const noexcept { return &box_->value; }
  [[nodiscard]] detail::shared_access_t<T>* get() const noexcept { return box_ ? &box_->value : nullptr; }

  // Mutable access while this is the only owner, else nullptr (Rc::get_mut).
  [[nodiscard]] T* get_mut() noexcept {
    return box_ && box_->strong == 1 ? &box_->value : nullptr;
  }

  // Whether two Rc share one allocation (Rc::ptr_eq).
  [[nodiscard]] static bool ptr_eq(const Rc& a, const Rc& b) noexcept { return a.box_ == b.box_; }

  // False only for a moved-from Rc.
  FEARLESS_TEST_TYPESTATE(unconsumed) explicit operator bool() const noexcept { return box_ != nullptr; }

 private:
  FEARLESS_RETURN_TYPESTATE(unconsumed) explicit Rc(box* b) noexcept : box_(b) {}

// GCC 12's -Wuse-after-free cannot follow the count across two inlined
// handles and flags this delete; inline it anyway: with a plain count the
// optimizer folds a clone+drop pair to almost nothing (an out-of-line drop
// measured 2.7x slower).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuse-after-free"
#endif
  static void release(box* b) noexcept {
    if (b && --b->strong == 0) delete b;
  }
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic pop
#endif

  box* box_;
};

static_assert(sizeof(Rc<int>) == sizeof(void*), "an Rc is one pointer");

// make_rc<T>(args...): a new Rc owning T(args...) (Rust's Rc::new).
template <class T, class... Args>
[[nodiscard]] Rc<T> make_rc(Args&&... args) {
  return Rc<T>(std::in_place, std::forward<Args>(args)...);
}

// Prints the value, as Rust's Debug for Rc does.
template <class CharT, class Traits, class T>
  requires requires(std::basic_ostream<CharT, Traits>& os, const T& v) { os << v; }
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Rc<T>& r) {
  return os << *r;
}

namespace detail {
// Rust: `impl<T> !Send for Rc<T>` and `impl<T> !Sync for Rc<T>`.
template <class T> struct send_rule<Rc<T>> : never<blame::rc> {};
template <class T> struct sync_rule<Rc<T>> : never<blame::rc> {};
template <class T> struct static_rule<Rc<T>> : if_static<T> {};
}  // namespace detail

}  // namespace fearless

FEARLESS_END_HEADER
