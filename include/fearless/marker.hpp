// Send, Sync and Static: which values may cross threads, as in Rust.
//
//   Send<T>    a T may be moved to another thread (it owns nothing that another
//              thread could still be touching without synchronization).
//   Sync<T>    a T may be shared between threads through a `const T&`.
//   Static<T>  a T holds no borrow at any depth (Rust's `T: 'static`), so it
//              may outlive the caller: thread::spawn needs Send and Static.
//
//   static_assert(Send<int> && Sync<int> && Static<int>);
//   static_assert(!Send<Rc<int>>);                     // non-atomic count
//   static_assert(Send<Arc<Mutex<int>>> && Sync<Arc<Mutex<int>>>);
//   struct Job { Rc<int> r; int x; };
//   static_assert(!Send<Job>);                          // derived from the fields
//   struct View { const std::vector<int>& v; };
//   static_assert(!Static<View> && Send<View>);         // a shared borrow of Sync data
//
// How a type gets its answer, the first rule that applies (every case the
// rules cannot decide is "cannot see inside": never yes by accident):
//   - `unsafe_impl_send<T>` / `unsafe_impl_sync<T>` set to true by T's author:
//     yes (Rust's `unsafe impl Send`); either one also vouches that T holds
//     no borrow (Static). Write it qualified, at namespace scope:
//         template <> inline constexpr bool fearless::unsafe_impl_send<Mine> = true;
//   - the library's own types state their rule (Rc: neither; Arc<T>: both iff
//     T is Send and Sync; Mutex<T>: both iff T is Send; Cell<T>: Send, not
//     Sync; MutexGuard, Ref, RefMut: not Send, and borrows). Each is Static
//     iff its parameter is.
//   - arithmetic, enum, function-pointer, member-pointer and empty types
//     (captureless lambdas): all three.
//   - references and raw pointers: not Static. A `const T&` is Send and Sync
//     iff T is Sync (only scoped threads can use that); a `T&`, a `T&&` and a
//     pointer are neither (a `T&` member can be written through a const object).
//   - C arrays: as their element.
//   - standard types, by an explicit table (detail/std_types.hpp):
//       containers, optional, variant, tuple, pair, array, unique_ptr,
//       basic_string, complex, the container adaptors: from their parameters;
//       shared_ptr<T>, weak_ptr<T>: like Arc<T>;
//       atomic<T>, mutexes, condition variables, once_flag, thread, chrono
//       types, bitset and stateless types (allocators, comparators,
//       deleters): Send and Sync (atomic<T> Static iff T is);
//       reference_wrapper, span, string_view, initializer_list, atomic_ref,
//       iterators, inserters and range views: borrows, shared when they give
//       `const U&` (like `const U&`), mutable otherwise (like `U&`);
//       lock_guard, unique_lock, scoped_lock, shared_lock: not Send;
//       function, any, move_only_function and every unlisted type: cannot
//       see inside.
//   - aggregates: from their fields, at any depth. A reference member is a
//     borrow (above); a `mutable` member makes the aggregate Sync only if its
//     type stays safe when written through a const reference (std::atomic,
//     a std mutex or condition variable, Mutex<T>), since const code may write
//     it. An aggregate that cannot be reflected exactly (a base with members,
//     more than 24 fields) cannot be seen into.
//   - any other class: cannot see inside, until its author declares it.
#pragma once

#include <type_traits>

#include "detail/config.hpp"
#include "detail/derive.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless {

// Opt-ins for classes whose thread-safety fearless cannot see (private state,
// hand-written synchronization). The author vouches for it, as with Rust's
// `unsafe impl Send for Mine {}`, and that it holds no borrow.
template <class T>
inline constexpr bool unsafe_impl_send = false;
template <class T>
inline constexpr bool unsafe_impl_sync = false;

namespace detail {
template <property P, class T>
struct declared
    : std::bool_constant<P == property::send   ? unsafe_impl_send<T>
                         : P == property::sync ? unsafe_impl_sync<T>
                                               : (unsafe_impl_send<T> || unsafe_impl_sync<T>)> {};
}  // namespace detail

template <class T>
concept Send = detail::send_eval<T>::value;

template <class T>
concept Sync = detail::sync_eval<T>::value;

template <class T>
concept Static = detail::static_eval<T>::value;

}  // namespace fearless

FEARLESS_END_HEADER
