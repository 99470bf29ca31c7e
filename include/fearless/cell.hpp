// Cell<T> and RefCell<T>: interior mutability for one thread, Rust's
// std::cell. Both let you change a value through a const reference (Rust's
// `&self`), which is what an Rc<T> or a shared borrow hands out. Neither is
// Sync: sharing one between threads does not compile; use Mutex<T> there.
//
// Cell<T> moves values in and out and never hands out a reference, so no
// borrow can dangle and nothing is checked at run time:
//
//   const Cell<int> c{1};
//   c.set(c.get() + 1);                  // get() copies, set() replaces
//   int old = c.replace(10);             // old == 2
//
// RefCell<T> hands out references and checks Rust's borrow rule at run time:
// any number of shared borrows, or one mutable borrow, never both.
//
//   auto shared = make_rc<RefCell<std::vector<int>>>();
//   shared->borrow_mut()->push_back(1);  // the RefMut guard lives until the ';'
//   std::size_t n = shared->borrow()->size();
//   {
//     auto r = shared->borrow();
//     shared->borrow_mut();              // throws BorrowMutError: already borrowed
//   }
//
// Guarantees:
//   - Cell<T> and RefCell<T> are Send iff T is Send, and never Sync.
//   - RefCell::borrow() throws BorrowError while a RefMut is alive;
//     borrow_mut() throws BorrowMutError while any Ref or RefMut is alive.
//     try_borrow()/try_borrow_mut() return std::nullopt instead. The guards
//     release their borrow when destroyed.
//   - Nothing blocks. Copying or moving a RefCell borrows it (shared, resp.
//     mutable), so it throws the same errors instead of copying a value that
//     is being changed, or moving one that is borrowed.
#pragma once

#include "detail/config.hpp"
#include "marker.hpp"

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

FEARLESS_BEGIN_HEADER

namespace fearless {

// ---------------------------------------------------------------- Cell<T>

template <class T>
class Cell {
 public:
  using value_type = T;

  constexpr Cell() requires std::is_default_constructible_v<T> : value_() {}
  constexpr Cell(T value) noexcept(std::is_nothrow_move_constructible_v<T>)
      : value_(std::move(value)) {}

  // A copy holds a copy of the value (Rust: Cell<T: Copy> is Clone).
  constexpr Cell(const Cell& other) requires std::is_copy_constructible_v<T> : value_(other.get()) {}
  constexpr Cell& operator=(const Cell& other) requires std::is_copy_constructible_v<T> {
    set(other.get());
    return *this;
  }
  constexpr Cell(Cell&&) = default;
  constexpr Cell& operator=(Cell&&) = default;

  // A copy of the value (Rust requires T: Copy; here T must be copyable).
  [[nodiscard]] constexpr T get() const requires std::is_copy_constructible_v<T> { return value_; }

  // Stores a new value; the old one is destroyed after the store.
  constexpr void set(T value) const {
    [[maybe_unused]] T old = std::exchange(value_, std::move(value));
  }

  // Stores a new value and returns the old one.
  [[nodiscard]] constexpr T replace(T value) const { return std::exchange(value_, std::move(value)); }

  // Returns the value, leaving T{} in its place.
  [[nodiscard]] constexpr T take() const requires std::is_default_constructible_v<T> {
    return std::exchange(value_, T{});
  }

  // Exchanges the values of two cells.
  constexpr void swap(const Cell& other) const {
    if (this == &other) return;
    T tmp = std::move(value_);
    value_ = std::move(other.value_);
    other.value_ = std::move(tmp);
  }

  // A reference to the value through a non-const Cell (Rust's get_mut(&mut self)).
  [[nodiscard]] constexpr T& get_mut() noexcept FEARLESS_LIFETIMEBOUND { return value_; }

  // The value, out of a Cell that is going away (Rust's into_inner(self)).
  [[nodiscard]] constexpr T into_inner() && { return std::move(value_); }

  // Cell { value: 5 }, like Rust's Debug.
  template <class CharT, class Traits>
    requires requires(std::basic_ostream<CharT, Traits>& os, const T& v) { os << v; }
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os,
                                                       const Cell& c) {
    return os << "Cell { value: " << static_cast<const T&>(c.value_) << " }";
  }

 private:
  mutable T value_;
};

template <class T>
Cell(T) -> Cell<T>;

// ------------------------------------------------------------- RefCell<T>

// Thrown by RefCell::borrow() while the value is mutably borrowed.
class BorrowError : public std::logic_error {
 public:
  BorrowError()
      : std::logic_error("already mutably borrowed: a RefMut from borrow_mut() is still alive; "
                         "drop it before borrow(), or use try_borrow()") {}
};

// Thrown by RefCell::borrow_mut() while the value is borrowed in any way.
class BorrowMutError : public std::logic_error {
 public:
  BorrowMutError()
      : std::logic_error("already borrowed: a Ref or RefMut is still alive; "
                         "drop it before borrow_mut(), or use try_borrow_mut()") {}
};

template <class T>
class RefCell;

namespace detail {
// RefCell's borrow state: 0 free, n > 0 shared borrows, -1 mutably borrowed.
using borrow_flag = std::ptrdiff_t;
inline constexpr borrow_flag writing = -1;
inline constexpr borrow_flag max_readers = static_cast<borrow_flag>(static_cast<std::size_t>(-1) / 2);
}  // namespace detail

// Ref<T>: a shared borrow of a RefCell<T>'s value, released when destroyed.
// A moved-from Ref is empty.
template <class T>
class [[nodiscard]] Ref {
 public:
  Ref(const Ref&) FEARLESS_DELETE("Ref cannot be copied implicitly: call r.clone() for another shared borrow");
  Ref& operator=(const Ref&) FEARLESS_DELETE("Ref cannot be copied implicitly: call r.clone() for another shared borrow");
  Ref(Ref&& other) noexcept : cell_(std::exchange(other.cell_, nullptr)) {}
  Ref& operator=(Ref&& other) noexcept {
    if (this != &other) {
      release();
      cell_ = std::exchange(other.cell_, nullptr);
    }
    return *this;
  }
  ~Ref() { release(); }

  // Another shared borrow of the same value (Rust's Ref::clone).
  [[nodiscard]] Ref clone() const {
    ++cell_->flag_;
    return Ref(cell_);
  }

  const T& operator*() const noexcept FEARLESS_LIFETIMEBOUND { return cell_->value_; }
  const T* operator->() const noexcept FEARLESS_LIFETIMEBOUND { return &cell_->value_; }
  const T* get() const noexcept FEARLESS_LIFETIMEBOUND { return &cell_->value_; }

 private:
  friend class RefCell<T>;
  explicit Ref(const RefCell<T>* cell) noexcept : cell_(cell) {}
  void release() noexcept {
    if (cell_) --cell_->flag_;
    cell_ = nullptr;
  }
  const RefCell<T>* cell_;
};

// RefMut<T>: the mutable borrow of a RefCell<T>'s value, released when
// destroyed. A moved-from RefMut is empty.
template <class T>
class [[nodiscard]] RefMut {
 public:
  RefMut(const RefMut&) FEARLESS_DELETE("RefMut cannot be copied: a mutable borrow is exclusive; move it instead");
  RefMut& operator=(const RefMut&) FEARLESS_DELETE("RefMut cannot be copied: a mutable borrow is exclusive; move it instead");
  RefMut(RefMut&& other) noexcept : cell_(std::exchange(other.cell_, nullptr)) {}
  RefMut& operator=(RefMut&& other) noexcept {
    if (this != &other) {
      release();
      cell_ = std::exchange(other.cell_, nullptr);
    }
    return *this;
  }
  ~RefMut() { release(); }

  // A `const RefMut&` gives `const T&` only, like a const MutexGuard.
  T& operator*() noexcept FEARLESS_LIFETIMEBOUND { return cell_->value_; }
  T* operator->() noexcept FEARLESS_LIFETIMEBOUND { return &cell_->value_; }
  T* get() noexcept FEARLESS_LIFETIMEBOUND { return &cell_->value_; }
  const T& operator*() const noexcept FEARLESS_LIFETIMEBOUND { return cell_->value_; }
  const T* operator->() const noexcept FEARLESS_LIFETIMEBOUND { return &cell_->value_; }
  const T* get() const noexcept FEARLESS_LIFETIMEBOUND { return &cell_->value_; }

 private:
  friend class RefCell<T>;
  explicit RefMut(const RefCell<T>* cell) noexcept : cell_(cell) {}
  void release() noexcept {
    if (cell_) cell_->flag_ = 0;
    cell_ = nullptr;
  }
  const RefCell<T>* cell_;
};

template <class T>
class RefCell {
 public:
  using value_type = T;

  constexpr RefCell() requires std::is_default_constructible_v<T> : value_() {}
  constexpr RefCell(T value) noexcept(std::is_nothrow_move_constructible_v<T>)
      : value_(std::move(value)) {}
  template <class... Args>
    requires std::is_constructible_v<T, Args...>
  constexpr explicit RefCell(std::in_place_t, Args&&... args) : value_(std::forward<Args>(args)...) {}

  // Copying reads the value: throws BorrowError while it is mutably borrowed.
  RefCell(const RefCell& other) requires std::is_copy_constructible_v<T>
      : value_(*other.borrow()) {}
  // Moving takes the value: throws BorrowMutError while it is borrowed.
  RefCell(RefCell&& other) : value_(std::move(*other.borrow_mut())) {}
  RefCell& operator=(const RefCell& other) requires std::is_copy_assignable_v<T> {
    if (this != &other) *borrow_mut() = *other.borrow();
    return *this;
  }
  RefCell& operator=(RefCell&& other) {
    if (this != &other) *borrow_mut() = std::move(*other.borrow_mut());
    return *this;
  }

  // A shared borrow; any number may be alive at once. Throws BorrowError
  // while a RefMut is alive.
  [[nodiscard]] Ref<T> borrow() const {
    if (flag_ < 0) throw BorrowError();
    return acquire_shared();
  }

  // The mutable borrow; only one, and no Ref, may be alive. Throws
  // BorrowMutError while any Ref or RefMut is alive.
  [[nodiscard]] RefMut<T> borrow_mut() const {
    if (flag_ != 0) throw BorrowMutError();
    flag_ = detail::writing;
    return RefMut<T>(this);
  }

  // Like borrow() and borrow_mut(), but std::nullopt instead of throwing.
  [[nodiscard]] std::optional<Ref<T>> try_borrow() const {
    if (flag_ < 0) return std::nullopt;
    return acquire_shared();
  }
  [[nodiscard]] std::optional<RefMut<T>> try_borrow_mut() const {
    if (flag_ != 0) return std::nullopt;
    flag_ = detail::writing;
    return RefMut<T>(this);
  }

  // Stores a new value and returns the old one; throws BorrowMutError while borrowed.
  [[nodiscard]] T replace(T value) const { return std::exchange(*borrow_mut(), std::move(value)); }

  // Returns the value, leaving T{} in its place; throws BorrowMutError while borrowed.
  [[nodiscard]] T take() const requires std::is_default_constructible_v<T> {
    return std::exchange(*borrow_mut(), T{});
  }

  // A reference through a non-const RefCell, no run-time check (Rust's
  // get_mut(&mut self)); holding a Ref or RefMut at the same time is a bug.
  [[nodiscard]] T& get_mut() noexcept FEARLESS_LIFETIMEBOUND { return value_; }

  // The value, out of a RefCell that is going away (Rust's into_inner(self)).
  [[nodiscard]] T into_inner() && { return std::move(*borrow_mut()); }

  // RefCell { value: 5 }, or value: <borrowed> while mutably borrowed, like Rust.
  template <class CharT, class Traits>
    requires requires(std::basic_ostream<CharT, Traits>& os, const T& v) { os << v; }
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os,
                                                       const RefCell& c) {
    os << "RefCell { value: ";
    if (auto r = c.try_borrow()) {
      os << **r;
    } else {
      os << "<borrowed>";
    }
    return os << " }";
  }

 private:
  friend class Ref<T>;
  friend class RefMut<T>;

  Ref<T> acquire_shared() const {
    // Rust panics rather than overflow the count; unreachable without leaks.
    if (flag_ >= detail::max_readers) throw BorrowError();
    ++flag_;
    return Ref<T>(this);
  }

  mutable detail::borrow_flag flag_ = 0;
  mutable T value_;
};

template <class T>
RefCell(T) -> RefCell<T>;

namespace detail {
// Rust: `impl<T: Send> Send for Cell<T>`, `impl<T> !Sync for Cell<T>`, and the
// same for RefCell: mutation through a shared reference is unsynchronized.
template <class T> struct send_rule<Cell<T>> : if_send<T> {};
template <class T> struct sync_rule<Cell<T>> : never<blame::interior_mutability> {};
template <class T> struct send_rule<RefCell<T>> : if_send<T> {};
template <class T> struct sync_rule<RefCell<T>> : never<blame::interior_mutability> {};
template <class T> struct static_rule<Cell<T>> : if_static<T> {};
template <class T> struct static_rule<RefCell<T>> : if_static<T> {};
// The guards point into a RefCell and update its unsynchronized borrow count:
// neither Send nor Sync, as in Rust, for the same reason as the RefCell.
template <class T> struct send_rule<Ref<T>> : never<blame::interior_mutability> {};
template <class T> struct sync_rule<Ref<T>> : never<blame::interior_mutability> {};
template <class T> struct send_rule<RefMut<T>> : never<blame::interior_mutability> {};
template <class T> struct sync_rule<RefMut<T>> : never<blame::interior_mutability> {};
template <class T> struct static_rule<Ref<T>> : never<blame::borrow> {};  // borrow the RefCell
template <class T> struct static_rule<RefMut<T>> : never<blame::borrow> {};
}  // namespace detail

}  // namespace fearless

FEARLESS_END_HEADER
