// The explicit table of standard library types, by name (no standard header
// is included to recognise them): how each one gets Send, Sync and Static.
// A standard type that is not in the table cannot be seen into.
#pragma once
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "type_name.hpp"

namespace fearless::detail {

enum class std_kind {
    unlisted,      // cannot see inside
    derives,       // from its type parameters: containers, optional, tuple, unique_ptr...
    arc_like,      // shared_ptr, weak_ptr: Send and Sync iff the target is both
    owned,         // all three: chrono, threads, exception_ptr, stateless types
    borrow,        // reference_wrapper, span, string_view, initializer_list, iterators, views
    lock_guard,    // lock_guard, unique_lock, scoped_lock, shared_lock: not Send
    synchronized,  // safe to write through a `mutable` member: atomics, mutexes, condition variables
};

// The namespaces of the standard library's own types (libstdc++ puts the
// vector iterator in __gnu_cxx).
template <class T>
inline constexpr bool in_std =
    starts_with_at(type_name<T>(), 0, "std::") || starts_with_at(type_name<T>(), 0, "__gnu_cxx::");

template <class T>
constexpr bool std_named_any(std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (std_named<T>(n)) return true;
    return false;
}

// Iterators (and inserters) say so with a nested iterator_category or
// iterator_concept.
template <class T>
concept has_iterator_tag = requires { typename T::iterator_category; } || requires { typename T::iterator_concept; };

template <class T>
constexpr std_kind classify_std() {
    if constexpr (std_named_any<T>({"atomic_flag", "mutex", "recursive_mutex", "timed_mutex", "recursive_timed_mutex",
                                     "shared_mutex", "shared_timed_mutex", "condition_variable", "once_flag"})) {
        return std_kind::synchronized;  // "atomic<" below; "condition_variable" also matches _any
    } else if constexpr (std_named<T>("atomic<")) {
        return std_kind::synchronized;
    } else if constexpr ((has_iterator_tag<T> ||
                          std_named_any<T>({"reference_wrapper<", "span<", "basic_string_view<", "initializer_list<",
                                            "atomic_ref<", "ranges::"})) &&
                         !std_named_any<T>({"ranges::iota_view<", "ranges::empty_view<", "ranges::single_view<",
                                            "ranges::owning_view<"})) {
        return std_kind::borrow;
    } else if constexpr (std_named_any<T>({"lock_guard<", "unique_lock<", "scoped_lock<", "shared_lock<"})) {
        return std_kind::lock_guard;
    } else if constexpr (std_named_any<T>({"shared_ptr<", "weak_ptr<"})) {
        return std_kind::arc_like;
    } else if constexpr (std_named_any<T>({"chrono::", "thread", "jthread", "bitset<", "monostate", "nullopt_t",
                                           "ratio<", "__exception_ptr::exception_ptr", "exception_ptr"})) {
        // exception_ptr: made to carry a thread's exception to whoever joins it
        return std_kind::owned;
    } else if constexpr (std_named_any<T>({"vector<", "deque<", "list<", "forward_list<", "set<", "multiset<", "map<",
                                           "multimap<", "unordered_set<", "unordered_multiset<", "unordered_map<",
                                           "unordered_multimap<", "basic_string<", "optional<", "variant<", "tuple<",
                                           "pair<", "array<", "unique_ptr<", "queue<", "stack<", "priority_queue<",
                                           "complex<", "valarray<", "ranges::iota_view<", "ranges::empty_view<",
                                           "ranges::single_view<", "ranges::owning_view<"})) {
        return std_kind::derives;
    } else if constexpr (std::is_empty_v<T>) {
        return std_kind::owned;  // allocators, comparators, hashes, deleters, tags: no state
    } else {
        return std_kind::unlisted;
    }
}

// classify_std for any type (unlisted for anything not a standard class).
template <class T>
constexpr std_kind classify_std_value() {
    if constexpr (std::is_class_v<T>) {
        if constexpr (in_std<T>) return classify_std<T>();
        else return std_kind::unlisted;
    } else {
        return std_kind::unlisted;
    }
}

// What a standard borrowing type refers to, as the reference it acts like:
// `const U&` for a shared borrow, `U&` for a mutable one (iterators and views
// whose `*it` is not a const reference, inserters, stream iterators).
template <class It>
constexpr auto deref_as_borrow() {
    if constexpr (std_named_any<It>({"istream_iterator<", "istreambuf_iterator<", "ostream_iterator<",
                                     "ostreambuf_iterator<"})) {
        return static_cast<It*>(nullptr);  // holds the stream: a mutable borrow
    } else if constexpr (requires(It& it) { *it; }) {
        using R = decltype(*std::declval<It&>());
        if constexpr (std::is_lvalue_reference_v<R> && std::is_const_v<std::remove_reference_t<R>>)
            return static_cast<std::remove_reference_t<R>*>(nullptr);
        else
            return static_cast<It*>(nullptr);
    } else {
        return static_cast<It*>(nullptr);
    }
}

template <class T>
constexpr auto borrow_of() {
    if constexpr (std_named<T>("reference_wrapper<")) {
        return static_cast<typename T::type*>(nullptr);
    } else if constexpr (std_named<T>("span<")) {
        return static_cast<typename T::element_type*>(nullptr);
    } else if constexpr (std_named_any<T>({"basic_string_view<", "initializer_list<"})) {
        return static_cast<const typename T::value_type*>(nullptr);
    } else if constexpr (std_named<T>("atomic_ref<")) {
        return static_cast<T*>(nullptr);
    } else if constexpr (has_iterator_tag<T>) {
        return deref_as_borrow<T>();
    } else if constexpr (requires(T& v) { v.begin(); }) {
        return deref_as_borrow<decltype(std::declval<T&>().begin())>();
    } else {
        return static_cast<T*>(nullptr);
    }
}

// A standard borrowing type acts like this reference (`const U&`: shared).
template <class T>
using std_borrow_ref = std::remove_pointer_t<decltype(borrow_of<T>())>&;

// A standard borrowing type that is a reference_wrapper: the thread receives
// the reference it holds.
template <class T>
constexpr bool is_reference_wrapper() {
    if constexpr (classify_std_value<T>() == std_kind::borrow) return std_named<T>("reference_wrapper<");
    else return false;
}

}  // namespace fearless::detail
