// check_send<T>() / check_sync<T>(): the errors a learner sees when a value
// may not cross threads. Called in function bodies (not requires-clauses:
// those print 13-20 lines and GCC hides which argument failed).
//
// Each check holds one static_assert per reason, with mutually exclusive
// conditions, so exactly one error fires: the rule in Rust's words, what is
// wrong, and the fix. Clang 22 names the types in the message itself; where
// static_assert takes only a literal, the message names the kind of value
// (the compiler's "[with T = ...]" context gives the exact type).
#pragma once

#include <cstddef>
#include <string_view>

#include "../marker.hpp"
#include "config.hpp"
#include "type_name.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

// "{T}" -> `T`, "{C}" -> `Culprit`, "{because}" -> ", because it contains `Culprit`"
// when the culprit is not T itself.
template <class T, class C, std::size_t N>
constexpr auto explain(const char (&text)[N]) {
    constexpr std::string_view t = type_name<T>();
    constexpr std::string_view c = type_name<C>();
    constexpr bool same = t.size() == c.size() && starts_with_at(t, 0, c);
    fixed_string<N + 3 * (t.size() + c.size() + 32)> out;
    std::string_view s(text, N - 1);
    for (std::size_t i = 0; i < s.size();) {
        if (starts_with_at(s, i, "{T}")) {
            out.append("`"); out.append(t); out.append("`"); i += 3;
        } else if (starts_with_at(s, i, "{C}")) {
            out.append(c); i += 3;
        } else if (starts_with_at(s, i, "{because}")) {
            if (!same) { out.append(", because it contains `"); out.append(c); out.append("`"); }
            i += 9;
        } else {
            out.buf[out.len++] = s[i++];
        }
    }
    return out;
}

template <class T, blame B>
inline constexpr bool send_not_blocked_by = send_eval<std::remove_cv_t<T>>::why != B;
template <class T, blame B>
inline constexpr bool sync_not_blocked_by = sync_eval<std::remove_cv_t<T>>::why != B;

// The reasons that have a message of their own; the catch-all assert fires
// only for any other.
constexpr bool has_own_message(blame b) {
    return b == blame::none || b == blame::rc || b == blame::guard || b == blame::interior_mutability ||
           b == blame::single_consumer || b == blame::borrow || b == blame::undeclared || b == blame::mutable_member;
}
template <class T>
inline constexpr bool send_reason_known = has_own_message(send_eval<std::remove_cv_t<T>>::why);
template <class T>
inline constexpr bool sync_reason_known = has_own_message(sync_eval<std::remove_cv_t<T>>::why);

}  // namespace fearless::detail

// Only the message is a macro, so that compilers point at the condition and
// print no "in expansion of macro" notes.
#if FEARLESS_FORMATTED_ASSERT
#define FEARLESS_EXPLAIN(T, C, formatted, plain) ::fearless::detail::explain<T, C>(formatted)
#else
#define FEARLESS_EXPLAIN(T, C, formatted, plain) plain
#endif

namespace fearless::detail {

template <class T>
constexpr void check_send() {
    using C [[maybe_unused]] = typename send_eval<std::remove_cv_t<T>>::culprit;
    static_assert(send_not_blocked_by<T, blame::rc>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be sent between threads safely{because}: Rc's reference count is not atomic. "
        "help: use Arc<T> instead of Rc<T>",
        "a value holding an Rc cannot be sent between threads safely: Rc's reference count is not atomic. "
        "help: use Arc<T> instead of Rc<T>"));
    static_assert(send_not_blocked_by<T, blame::guard>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be sent between threads safely{because}: a lock guard must be dropped on the thread that "
        "locked the mutex. help: send the Arc<Mutex<T>> and call lock() in the thread",
        "a MutexGuard or lock guard cannot be sent between threads safely: it must be dropped on the thread that "
        "locked the mutex. help: send the Arc<Mutex<T>> and call lock() in the thread"));
    static_assert(send_not_blocked_by<T, blame::interior_mutability>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be sent between threads safely{because}: Cell and RefCell cannot be shared between "
        "threads safely. help: use Arc<Mutex<T>> (or std::atomic) for data that threads share",
        "a value sharing a Cell or RefCell cannot be sent between threads safely: Cell and RefCell cannot be "
        "shared between threads safely. help: use Arc<Mutex<T>> (or std::atomic) for data that threads share"));
    static_assert(send_not_blocked_by<T, blame::single_consumer>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be sent between threads safely{because}: a Receiver is a single consumer and cannot be "
        "shared. help: move the Receiver itself into the one thread that receives",
        "a value sharing a Receiver cannot be sent between threads safely: a Receiver is a single consumer. "
        "help: move the Receiver itself into the one thread that receives"));
    static_assert(send_not_blocked_by<T, blame::borrow>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be sent between threads safely{because}: a pointer or reference may outlive the data it "
        "points to. help: move an owned value into the thread, or borrow inside thread::scope",
        "a value holding a pointer or reference cannot be sent between threads safely: it may outlive the data "
        "it points to. help: move an owned value into the thread, or borrow inside thread::scope"));
    static_assert(send_not_blocked_by<T, blame::undeclared>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be sent between threads safely{because}: fearless cannot see inside `{C}`. help: if it is "
        "safe to move to another thread, declare it: "
        "template <> inline constexpr bool fearless::unsafe_impl_send<{C}> = true;",
        "a class that fearless cannot see inside cannot be sent between threads safely. help: if it is "
        "safe to move to another thread, declare it: "
        "template <> inline constexpr bool fearless::unsafe_impl_send<YourClass> = true;"));
    static_assert(send_reason_known<T>, FEARLESS_EXPLAIN(T, C, "{T} cannot be sent between threads safely{because}",
                     "this value cannot be sent between threads safely"));
}

template <class T>
constexpr void check_sync() {
    using C [[maybe_unused]] = typename sync_eval<std::remove_cv_t<T>>::culprit;
    static_assert(sync_not_blocked_by<T, blame::interior_mutability>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be shared between threads safely{because}: Cell and RefCell change their value without "
        "synchronization. help: use Mutex<T> (or std::atomic) for data that threads share",
        "a Cell or RefCell cannot be shared between threads safely: it changes its value without "
        "synchronization. help: use Mutex<T> (or std::atomic) for data that threads share"));
    static_assert(sync_not_blocked_by<T, blame::rc>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be shared between threads safely{because}: Rc's reference count is not atomic. "
        "help: use Arc<T> instead of Rc<T>",
        "a value holding an Rc cannot be shared between threads safely: Rc's reference count is not atomic. "
        "help: use Arc<T> instead of Rc<T>"));
    static_assert(sync_not_blocked_by<T, blame::single_consumer>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be shared between threads safely{because}: a Receiver is a single consumer. "
        "help: move the Receiver into the one thread that receives",
        "a Receiver cannot be shared between threads safely: it is a single consumer. "
        "help: move the Receiver into the one thread that receives"));
    static_assert(sync_not_blocked_by<T, blame::guard>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be shared between threads safely{because}: a MutexGuard belongs to the thread that locked. "
        "help: share the Mutex and lock() in each thread",
        "a MutexGuard cannot be shared between threads safely: it belongs to the thread that locked. "
        "help: share the Mutex and lock() in each thread"));
    static_assert(sync_not_blocked_by<T, blame::borrow>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be shared between threads safely{because}: it holds a pointer or reference. "
        "help: share an owned value",
        "a value holding a pointer or reference cannot be shared between threads safely. "
        "help: share an owned value"));
    static_assert(sync_not_blocked_by<T, blame::undeclared>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be shared between threads safely{because}: fearless cannot see inside `{C}`. help: if its "
        "const members are safe to call from many threads, declare it: "
        "template <> inline constexpr bool fearless::unsafe_impl_sync<{C}> = true;",
        "a class that fearless cannot see inside cannot be shared between threads safely. help: if its "
        "const members are safe to call from many threads, declare it: "
        "template <> inline constexpr bool fearless::unsafe_impl_sync<YourClass> = true;"));
    static_assert(sync_not_blocked_by<T, blame::mutable_member>, FEARLESS_EXPLAIN(T, C,
        "{T} cannot be shared between threads safely: its `mutable {C}` member can be written through a const "
        "reference, without synchronization. help: make that member std::atomic or a Mutex<T>, or not mutable",
        "a value with a `mutable` member cannot be shared between threads safely: the member can be written "
        "through a const reference, without synchronization. help: make that member std::atomic or a Mutex<T>, "
        "or not mutable"));
    static_assert(sync_reason_known<T>, FEARLESS_EXPLAIN(T, C, "{T} cannot be shared between threads safely{because}",
                     "this value cannot be shared between threads safely"));
}

}  // namespace fearless::detail

FEARLESS_END_HEADER
