// Machinery shared by Rc<T> and Arc<T>: the single allocation that holds the
// reference count next to the value, and the rule for what a shared handle
// may hand out.
#pragma once

#include "config.hpp"

#include <atomic>
#include <cstddef>
#include <exception>
#include <type_traits>
#include <utility>

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

// Rust's RcBox / ArcInner: count and value in one allocation, so a handle is
// one pointer and make_rc/make_arc allocate exactly once. The value is built
// in place, so types that can be neither copied nor moved (Mutex<T>) work.
template <class T, class Count>
struct counted_box {
  Count strong;
  T value;

  template <class... Args>
    requires std::is_constructible_v<T, Args...>
  explicit counted_box(std::in_place_t, Args&&... args)
      : strong(1), value(std::forward<Args>(args)...) {}

  // Aggregates (`struct Point { int x, y; }`) take braces; Clang before 16
  // lacks parenthesized aggregate initialization.
  template <class... Args>
    requires(!std::is_constructible_v<T, Args...> && std::is_aggregate_v<T>)
  explicit counted_box(std::in_place_t, Args&&... args)
      : strong(1), value{std::forward<Args>(args)...} {}
};

// Like Rust, a count that would overflow aborts: it can only be reached by
// leaking handles on purpose, and wrapping around would free a live value.
inline constexpr std::size_t max_refcount = static_cast<std::size_t>(-1) / 2;

[[noreturn]] inline void refcount_overflow() noexcept { std::terminate(); }

// A shared handle gives shared access: `const T&`, as Rust's Rc/Arc give `&T`.
// Mutation goes through something that synchronizes it (Mutex<T>, Cell<T>).
// std::atomic is the exception: its operations are thread-safe but declared
// non-const in C++, so Arc<std::atomic<int>> hands out a non-const reference.
template <class T>
inline constexpr bool mutable_through_shared = false;
template <class U>
inline constexpr bool mutable_through_shared<std::atomic<U>> = true;
template <>
inline constexpr bool mutable_through_shared<std::atomic_flag> = true;

template <class T>
using shared_access_t = std::conditional_t<mutable_through_shared<T>, T, const T>;

}  // namespace fearless::detail

FEARLESS_END_HEADER
