// How Send, Sync and Static are derived (the rules marker.hpp documents):
// one verdict per type and property, with the reason and the innermost type
// to blame, so the error can name it and suggest the fix. Every case the
// rules cannot decide is "undeclared": never yes by accident.
#pragma once

#include <cstddef>
#include <type_traits>

#include "fields.hpp"
#include "std_types.hpp"
#include "type_name.hpp"


namespace fearless::detail {

// Why a type lacks a property: picks the fix the error message suggests.
enum class blame {
    none,
    rc,
    guard,
    interior_mutability,
    single_consumer,
    borrow,          // holds a pointer or reference (not Static; not Send or Sync)
    mut_borrow,      // holds a mutable borrow: never Send (scoped: `cannot borrow`)
    not_sync,        // holds a shared borrow of the culprit, which is not Sync
    mutable_member,  // a `mutable` member of the culprit type, which is not synchronized
    undeclared,      // cannot see inside
};

enum class property { send, sync, static_ };

// The answer for one type: yes/no, why not, and the innermost type to blame
// (void: the type itself).
template <bool Ok, blame Why = blame::none, class Culprit = void>
struct verdict {
    static constexpr bool value = Ok;
    static constexpr blame why = Why;
    using culprit = Culprit;
};

// The library's own types specialise these (rc.hpp, mutex.hpp, ...).
template <class T, class = void>
struct send_rule;
template <class T, class = void>
struct sync_rule;
template <class T, class = void>
struct static_rule;
// True for the library types that stay Sync when written through a
// `mutable` member (Mutex<T>: all its mutation is synchronized).
template <class T>
inline constexpr bool synchronized_type = false;

template <property P, class T>
struct declared;  // the author's opt-in, from marker.hpp

template <property P, class T>
using rule_of = std::conditional_t<P == property::send, send_rule<T>,
                                   std::conditional_t<P == property::sync, sync_rule<T>, static_rule<T>>>;

template <property P, class T>
struct eval {
    using rule = std::conditional_t<declared<P, T>::value, verdict<true>, rule_of<P, T>>;
    static constexpr bool value = rule::value;
    static constexpr blame why = value ? blame::none : rule::why;
    using culprit = std::conditional_t<std::is_void_v<typename rule::culprit>, T, typename rule::culprit>;
};

template <class T>
using send_eval = eval<property::send, std::remove_cv_t<T>>;
template <class T>
using sync_eval = eval<property::sync, std::remove_cv_t<T>>;
template <class T>
using static_eval = eval<property::static_, std::remove_cv_t<T>>;

// Every type in the list has P; otherwise the verdict of the first that has not.
template <property P, class List>
struct all_of;
template <property P>
struct all_of<P, type_list<>> : verdict<true> {};
template <property P, class T, class... Ts>
struct all_of<P, type_list<T, Ts...>>
    : std::conditional_t<eval<P, std::remove_cv_t<T>>::value, all_of<P, type_list<Ts...>>,
                         eval<P, std::remove_cv_t<T>>> {};

// Bases for the library's own rules, read like Rust's impls:
//   template <class T> struct send_rule<Rc<T>> : never<blame::rc> {};
//   template <class T> struct send_rule<Mutex<T>> : if_send<T> {};
template <blame Why>
struct never : verdict<false, Why> {};
template <class... Ts>
struct if_send : all_of<property::send, type_list<Ts...>> {};
template <class... Ts>
struct if_sync : all_of<property::sync, type_list<Ts...>> {};
template <class... Ts>
struct if_static : all_of<property::static_, type_list<Ts...>> {};
template <class... Ts>
struct if_send_and_sync
    : std::conditional_t<if_send<Ts...>::value, if_sync<Ts...>, if_send<Ts...>> {};

// if_send_and_sync over a type_list.
template <class... A>
struct if_send_and_sync<type_list<A...>> : if_send_and_sync<A...> {};

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
template <property P, class T>
using of_args = all_of<P, typename template_args<T>::types>;

// A reference (or what acts like one) under property P; Culprit names it.
template <property P, class R, class Culprit>
constexpr auto derive_reference() {
    using target = std::remove_reference_t<R>;
    if constexpr (P == property::static_) {
        return verdict<false, blame::borrow, Culprit>{};
    } else if constexpr (std::is_lvalue_reference_v<R> && std::is_const_v<target>) {
        // &T is Send and Sync iff T is Sync.
        using t = std::remove_cv_t<target>;
        if constexpr (sync_eval<t>::value) return verdict<true>{};
        else if constexpr (P == property::send) return verdict<false, blame::not_sync, t>{};
        else return sync_eval<t>{};
    } else if constexpr (P == property::send) {
        return verdict<false, blame::mut_borrow, Culprit>{};
    } else {
        return verdict<false, blame::borrow, Culprit>{};  // writable through a const object
    }
}

// Safe to write through a `mutable` member from many threads at once.
template <class T>
constexpr bool synchronized_mutable() {
    if constexpr (std::is_array_v<T>) return synchronized_mutable<std::remove_all_extents_t<T>>();
    else if constexpr (!std::is_class_v<T>) return false;
    else if constexpr (in_std<T>) return classify_std<T>() == std_kind::synchronized;
    else return synchronized_type<T> && sync_eval<T>::value;
}

// The derivation shared by the three properties.
template <property P, class T>
constexpr auto derive() {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_null_pointer_v<T> ||
                  std::is_member_pointer_v<T> ||
                  (std::is_pointer_v<T> && std::is_function_v<std::remove_pointer_t<T>>)) {
        return verdict<true>{};
    } else if constexpr (std::is_reference_v<T>) {
        return derive_reference<P, T, T>();
    } else if constexpr (std::is_pointer_v<T>) {
        return verdict<false, blame::borrow>{};
    } else if constexpr (std::is_array_v<T>) {
        return all_of<P, type_list<std::remove_all_extents_t<T>>>{};
    } else if constexpr (!std::is_class_v<T>) {
        return verdict<false, blame::undeclared>{};  // unions, void, functions
    } else if constexpr (in_std<T>) {
        constexpr std_kind k = classify_std<T>();
        if constexpr (k == std_kind::borrow) {
            return derive_reference<P, std_borrow_ref<T>, T>();
        } else if constexpr (k == std_kind::lock_guard) {
            if constexpr (P == property::send) return verdict<false, blame::guard>{};
            else if constexpr (P == property::sync) return of_args<P, T>{};
            else return verdict<false, blame::borrow>{};
        } else if constexpr (k == std_kind::arc_like && P != property::static_) {
            return if_send_and_sync<typename template_args<T>::types>{};
        } else if constexpr (k == std_kind::arc_like || k == std_kind::derives) {
            return of_args<P, T>{};
        } else if constexpr (k == std_kind::synchronized && P == property::static_) {
            return of_args<P, T>{};  // atomic<int*> holds a pointer
        } else if constexpr (k == std_kind::owned || k == std_kind::synchronized) {
            return verdict<true>{};
        } else {
            return verdict<false, blame::undeclared>{};
        }
    } else if constexpr (std::is_empty_v<T>) {
        return verdict<true>{};  // no state, nothing to race on (captureless lambdas too)
    } else if constexpr (fields<T>::reflectable) {
        return all_of<P, typename fields<T>::types>{};
    } else {
        return verdict<false, blame::undeclared>{};
    }
}

template <class T, class>
struct send_rule : decltype(derive<property::send, T>()) {};
template <class T, class>
struct sync_rule : decltype(derive<property::sync, T>()) {};
template <class T, class>
struct static_rule : decltype(derive<property::static_, T>()) {};

// A `mutable` member: Send and Static like its type; Sync only if its type
// stays safe when written through a const reference.
template <class T>
struct send_rule<mutable_member<T>> : if_send<T> {};
template <class T>
struct static_rule<mutable_member<T>> : if_static<T> {};
template <class T>
struct sync_rule<mutable_member<T>>
    : std::conditional_t<synchronized_mutable<T>(), verdict<true>, verdict<false, blame::mutable_member, T>> {};

}  // namespace fearless::detail
