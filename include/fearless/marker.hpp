// Send and Sync: which values may cross threads, as in Rust.
//
//   Send<T>  a T may be moved to another thread (it owns nothing that another
//            thread could still be touching without synchronization).
//   Sync<T>  a T may be shared between threads through a `const T&`.
//
//   static_assert(Send<int> && Sync<int>);
//   static_assert(!Send<Rc<int>>);                     // non-atomic count
//   static_assert(Send<Arc<Mutex<int>>> && Sync<Arc<Mutex<int>>>);
//   struct Job { Rc<int> r; int x; };
//   static_assert(!Send<Job>);                          // derived from the fields
//
// How a type gets its answer, the first rule that applies:
//   - `unsafe_impl_send<T>` / `unsafe_impl_sync<T>` set to true by T's author:
//     yes (Rust's `unsafe impl Send`). Write it qualified, at namespace scope:
//         template <> inline constexpr bool fearless::unsafe_impl_send<Mine> = true;
//   - the library's own types state their rule (Rc: neither; Arc<T>: both iff
//     T is Send and Sync; Mutex<T>: both iff T is Send; Cell<T>: Send, not Sync...)
//   - arithmetic, enum, function-pointer and empty types: both.
//   - raw pointers and references: neither (a `const T&` is Send iff T is Sync:
//     only scoped threads can use that). Borrowing standard types
//     (string_view, span, reference_wrapper, initializer_list) likewise.
//   - standard library templates derive from their type parameters
//     (containers, optional, variant, tuple, pair, array, unique_ptr; shared_ptr
//     like Arc); standard non-template classes (string's parts, chrono types,
//     atomics) are both: the standard guarantees their const members don't race.
//   - aggregates derive from their fields.
//   - any other class: neither, until its author declares it (see above).
#pragma once

#include <cstddef>
#include <type_traits>

#include "detail/config.hpp"
#include "detail/fields.hpp"
#include "detail/type_name.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless {

// Opt-ins for classes whose thread-safety fearless cannot see (private state,
// hand-written synchronization). The author vouches for it, as with Rust's
// `unsafe impl Send for Mine {}`.
template <class T>
inline constexpr bool unsafe_impl_send = false;
template <class T>
inline constexpr bool unsafe_impl_sync = false;

namespace detail {

// Why a type is not Send/Sync: picks the fix the error message suggests.
enum class blame { none, rc, guard, interior_mutability, single_consumer, borrow, undeclared, not_sync };

// The answer for one type: yes/no, why not, and the innermost type to blame
// (void: the type itself).
template <bool Ok, blame Why = blame::none, class Culprit = void>
struct verdict {
    static constexpr bool value = Ok;
    static constexpr blame why = Why;
    using culprit = Culprit;
};

template <class T, class = void>
struct send_rule;
template <class T, class = void>
struct sync_rule;

template <class T>
struct send_eval {
    using rule = std::conditional_t<unsafe_impl_send<T>, verdict<true>, send_rule<T>>;
    static constexpr bool value = rule::value;
    static constexpr blame why = value ? blame::none : rule::why;
    using culprit = std::conditional_t<std::is_void_v<typename rule::culprit>, T, typename rule::culprit>;
};

template <class T>
struct sync_eval {
    using rule = std::conditional_t<unsafe_impl_sync<T>, verdict<true>, sync_rule<T>>;
    static constexpr bool value = rule::value;
    static constexpr blame why = value ? blame::none : rule::why;
    using culprit = std::conditional_t<std::is_void_v<typename rule::culprit>, T, typename rule::culprit>;
};

// Every type in the list Send (Sync); otherwise the first that is not.
template <class List>
struct all_send;
template <>
struct all_send<type_list<>> : verdict<true> {};
template <class T, class... Ts>
struct all_send<type_list<T, Ts...>>
    : std::conditional_t<send_eval<std::remove_cv_t<T>>::value, all_send<type_list<Ts...>>,
                         send_eval<std::remove_cv_t<T>>> {};

template <class List>
struct all_sync;
template <>
struct all_sync<type_list<>> : verdict<true> {};
template <class T, class... Ts>
struct all_sync<type_list<T, Ts...>>
    : std::conditional_t<sync_eval<std::remove_cv_t<T>>::value, all_sync<type_list<Ts...>>,
                         sync_eval<std::remove_cv_t<T>>> {};

// Bases for the library's own rules, read like Rust's impls:
//   template <class T> struct send_rule<Rc<T>> : never<blame::rc> {};
//   template <class T> struct send_rule<Mutex<T>> : if_send<T> {};
template <blame Why>
struct never : verdict<false, Why> {};
template <class... Ts>
struct if_send : all_send<type_list<Ts...>> {};
template <class... Ts>
struct if_sync : all_sync<type_list<Ts...>> {};
template <class... Ts>
struct if_send_and_sync
    : std::conditional_t<all_send<type_list<Ts...>>::value, all_sync<type_list<Ts...>>,
                         all_send<type_list<Ts...>>> {};

// The type parameters of a standard library template.
template <class T>
struct template_args {
    using types = type_list<>;
};
template <template <class...> class C, class... A>
struct template_args<C<A...>> {
    using types = type_list<A...>;
};
template <template <class, std::size_t> class C, class A, std::size_t N>
struct template_args<C<A, N>> {
    using types = type_list<A>;
};

template <class T>
constexpr bool is_std_borrow() {
    if constexpr (!std::is_class_v<T>) {
        return false;
    } else {
        return in_std<T> && (std_named<T>("reference_wrapper<") || std_named<T>("basic_string_view<") ||
                             std_named<T>("span<") || std_named<T>("initializer_list<"));
    }
}

// Raw pointers, references and the standard library's borrowing types: they
// point at data someone else owns, which may be gone before the thread is.
template <class T>
inline constexpr bool is_borrow =
    std::is_reference_v<T> ||
    (std::is_pointer_v<std::remove_cv_t<T>> && !std::is_function_v<std::remove_pointer_t<std::remove_cv_t<T>>>) ||
    std::is_member_pointer_v<std::remove_cv_t<T>> || is_std_borrow<std::remove_cv_t<T>>();

template <class List>
struct send_and_sync_of;
template <class... A>
struct send_and_sync_of<type_list<A...>> : if_send_and_sync<A...> {};

template <class T>
constexpr bool std_arc_like() {
    return std_named<T>("shared_ptr<") || std_named<T>("weak_ptr<");
}

template <class T>
constexpr bool std_opaque() {  // type-erased: fearless cannot see what they hold
    return std_named<T>("function<") || std_named<T>("move_only_function<") || std_named<T>("any");
}

// The derivation shared by Send and Sync. `All` is all_send or all_sync.
template <class T, template <class> class All>
constexpr auto derive() {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_null_pointer_v<T> ||
                  (std::is_pointer_v<T> && std::is_function_v<std::remove_pointer_t<T>>)) {
        return verdict<true>{};
    } else if constexpr (std::is_lvalue_reference_v<T> && std::is_const_v<std::remove_reference_t<T>>) {
        // &T is Send (and Sync) iff T is Sync.
        using target = std::remove_cvref_t<T>;
        return verdict<sync_eval<target>::value, sync_eval<target>::why, typename sync_eval<target>::culprit>{};
    } else if constexpr (is_borrow<T>) {
        return verdict<false, blame::borrow>{};
    } else if constexpr (std::is_array_v<T>) {
        return All<type_list<std::remove_all_extents_t<T>>>{};
    } else if constexpr (!std::is_class_v<T>) {
        return verdict<false, blame::undeclared>{};  // unions, void
    } else if constexpr (in_std<T>) {
        if constexpr (std_arc_like<T>()) {
            return send_and_sync_of<typename template_args<T>::types>{};
        } else if constexpr (std_opaque<T>()) {
            return verdict<false, blame::undeclared>{};
        } else {
            return All<typename template_args<T>::types>{};
        }
    } else if constexpr (std::is_empty_v<T>) {
        return verdict<true>{};  // no state, nothing to race on (captureless lambdas too)
    } else if constexpr (fields<T>::reflectable) {
        return All<typename fields<T>::types>{};
    } else {
        return verdict<false, blame::undeclared>{};
    }
}

template <class T, class>
struct send_rule : decltype(derive<T, all_send>()) {};
template <class T, class>
struct sync_rule : decltype(derive<T, all_sync>()) {};

}  // namespace detail

template <class T>
concept Send = detail::send_eval<std::remove_cv_t<T>>::value;

template <class T>
concept Sync = detail::sync_eval<std::remove_cv_t<T>>::value;

}  // namespace fearless

FEARLESS_END_HEADER
