// The field types of an aggregate, so that Send, Sync and Static can derive
// from them the way Rust's auto traits derive from a struct's fields.
//
// Fields are counted by aggregate-initialising T from N elements, after one
// element per (empty) base. First with N empty braces `{}`: braces
// initialise a whole C array member (no brace elision) and never select an
// initializer_list constructor with elements. Where some member rejects `{}`
// (a reference, a type without a default constructor), with N `any_field`s,
// whose conversion yields a prvalue (guaranteed elision: no copy or move
// constructor is ever named, so Rc and Mutex members count; Boost.PFR 1.81
// names the copy constructor and fails on std::vector<Rc<int>> under Clang:
// boostorg/pfr#131, #168) or, for a reference member, an lvalue.
// any_field counts a C array element by element (brace elision), so then
// the members are walked, measuring each with the shortest braced list of
// any_fields it accepts (walk_members): `Rc<int> r[2]` takes `{x, x}`.
//
// The types then come from a structured binding to a `const T&` in an
// unevaluated context: a reference member keeps its reference type, a
// `mutable` member's binding is not const (field_t marks it).
//
// Anything not reflectable exactly (a base with members, more than
// max_fields fields, no count found) reports reflectable == false, which the
// derivation treats as "cannot see inside": never Send, Sync or Static.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

namespace fearless::detail {

template <class... Ts>
struct type_list {};

// A `mutable` member of type T: Send and Static like T, Sync only if T stays
// safe when written through a const reference (see marker.hpp).
template <class T>
struct mutable_member {};

// The type a field contributes: a reference member as its reference type, a
// mutable member (its binding to a const object is not const) marked.
template <class B>
using field_t = std::conditional_t<std::is_reference_v<B> || std::is_const_v<B>, std::remove_const_t<B>,
                                   mutable_member<B>>;

template <class T>
inline constexpr bool is_init_list = false;
template <class T>
inline constexpr bool is_init_list<std::initializer_list<T>> = true;

// Converts to anything but T itself, one of its bases or an initializer_list
// (which would select, and make Clang instantiate, a container's copying
// initializer_list constructor). The non-const prvalue conversion wins
// wherever it applies (better implicit object binding); the const lvalue one
// serves `U&` members only.
template <class T, class U>
concept field_target = !std::is_base_of_v<std::remove_cv_t<U>, T> && !is_init_list<std::remove_cv_t<U>>;

template <class T>
struct any_field {
    template <class U>
        requires field_target<T, U>
    operator U();
    template <class U>
        requires field_target<T, U>
    operator U&() const;
};

// Converts only to a base of T (Empty: only to an empty one).
template <class T, bool Empty>
struct any_base {
    template <class U>
        requires(std::is_base_of_v<U, T> && !std::is_same_v<U, T> && (!Empty || std::is_empty_v<U>))
    operator U() const;
};

inline constexpr std::size_t max_fields = 24;

// T{b..., {} x N, x...}: one any_base per base, N empty braces (written out:
// a pack cannot expand to `{}`), then one element per type in X.
template <class T, std::size_t N, class... X, std::size_t... B>
constexpr bool brace_initializable(std::index_sequence<B...>) {
    if constexpr (N == 0) return requires { T{(void(B), any_base<T, true>{})..., X{}...}; };
    else if constexpr (N == 1) return requires { T{(void(B), any_base<T, true>{})..., {}, X{}...}; };
    else if constexpr (N == 2) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, X{}...}; };
    else if constexpr (N == 3) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, X{}...}; };
    else if constexpr (N == 4) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 5) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 6) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 7) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 8) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 9) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 10) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 11) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 12) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 13) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 14) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 15) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 16) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 17) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 18) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 19) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 20) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 21) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 22) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 23) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 24) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else if constexpr (N == 25) return requires { T{(void(B), any_base<T, true>{})..., {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, X{}...}; };
    else return false;
}

// T{b..., any_field x N}.
template <class T, std::size_t... B, std::size_t... I>
constexpr bool any_initializable(std::index_sequence<B...>, std::index_sequence<I...>) {
    return requires { T{(void(B), any_base<T, true>{})..., (void(I), any_field<T>{})...}; };
}

// T{base x B, base, any_field x K} for some K (the members after the bases
// may have no default).
template <class T, bool Empty, std::size_t... I, std::size_t... K>
constexpr bool base_at(std::index_sequence<I...>, std::index_sequence<K...>) {
    return (... || []<std::size_t... J>(std::index_sequence<J...>) {
        return requires { T{(void(I), any_base<T, false>{})..., any_base<T, Empty>{}, (void(J), any_field<T>{})...}; };
    }(std::make_index_sequence<K>{}));
}

// The number of leading base elements (scanning up; at most 4 counted).
template <class T, bool Empty, std::size_t B = 0>
constexpr std::size_t count_bases() {
    if constexpr (B < 4 && base_at<T, Empty>(std::make_index_sequence<B>{}, std::make_index_sequence<max_fields + 1>{}))
        return count_bases<T, Empty, B + 1>();
    else
        return B;
}

// The largest N <= max_fields + 1 for which T{b..., x1..xN} compiles, or
// none: scanning down stops at the first that does.
inline constexpr std::size_t no_count = ~std::size_t{0};
template <class T, bool Braces, std::size_t Bases, std::size_t N = max_fields + 1>
constexpr std::size_t count_fields() {
    constexpr bool ok = [] {
        if constexpr (Braces)  // and no member after the N-th takes an any_field (one with a default initializer)
            return brace_initializable<T, N>(std::make_index_sequence<Bases>{}) &&
                   !brace_initializable<T, N, any_field<T>>(std::make_index_sequence<Bases>{});
        else
            return any_initializable<T>(std::make_index_sequence<Bases>{}, std::make_index_sequence<N>{});
    }();
    if constexpr (ok) return N;
    else if constexpr (N == 0) return no_count;
    else return count_fields<T, Braces, Bases, N - 1>();
}

// The fallback when some member rejects `{}`: N any_fields count C array
// elements one by one (brace elision), so walk the members. At flat position
// P, a braced list `{x x W}` initialises the whole member there, whatever W
// it takes (0 for a default-constructible member, the element count for a C
// array of elements without a default constructor): the member is as wide
// as the flat positions the list leaves no room for.
template <class T, std::size_t... B, std::size_t... P, std::size_t... W, std::size_t... M>
constexpr bool braced_at(std::index_sequence<B...>, std::index_sequence<P...>, std::index_sequence<W...>,
                         std::index_sequence<M...>) {
    return requires {
        T{(void(B), any_base<T, true>{})..., (void(P), any_field<T>{})..., {(void(W), any_field<T>{})...},
          (void(M), any_field<T>{})...};
    };
}
// How many flat positions follow `{x x W}` at position P (none: no_count).
template <class T, std::size_t Bases, std::size_t P, std::size_t W, std::size_t M>
constexpr std::size_t after_braces() {
    if constexpr (braced_at<T>(std::make_index_sequence<Bases>{}, std::make_index_sequence<P>{},
                               std::make_index_sequence<W>{}, std::make_index_sequence<M>{}))
        return M;
    else if constexpr (M == 0)
        return no_count;
    else
        return after_braces<T, Bases, P, W, M - 1>();
}
// The width of the member at P, of Flat positions in all: from the first W
// whose list fits. None fits (a non-const reference, a class whose
// constructors any_field makes ambiguous): one position wide.
template <class T, std::size_t Bases, std::size_t Flat, std::size_t P, std::size_t W = 0>
constexpr std::size_t member_width() {
    if constexpr (W > Flat - P) {
        return 1;
    } else {
        constexpr std::size_t rest = after_braces<T, Bases, P, W, Flat - P - 1>();
        if constexpr (rest != no_count) return Flat - P - rest;
        else return member_width<T, Bases, Flat, P, W + 1>();
    }
}
// The number of members from flat position P on.
template <class T, std::size_t Bases, std::size_t Flat, std::size_t P = 0, std::size_t K = 0>
constexpr std::size_t walk_members() {
    if constexpr (P >= Flat || K > max_fields)
        return P == Flat ? K : no_count;
    else
        return walk_members<T, Bases, Flat, P + member_width<T, Bases, Flat, P>(), K + 1>();
}
template <class T, std::size_t Bases>
constexpr std::size_t count_members() {
    constexpr std::size_t by_braces = count_fields<T, true, Bases>();
    if constexpr (by_braces != no_count) {
        return by_braces;
    } else {
        constexpr std::size_t flat = count_fields<T, false, Bases>();
        if constexpr (flat == no_count) return no_count;
        else return walk_members<T, Bases, flat>();
    }
}

template <class T>
const T& fake_object() noexcept {  // only named inside decltype, never called
    __builtin_unreachable();
}

template <class T, std::size_t N>
constexpr auto field_types_of() {
    if constexpr (N == 0) { return type_list<>{}; }
    else if constexpr (N == 1) { auto&& [a0] = fake_object<T>(); return type_list<field_t<decltype(a0)>>{}; }
    else if constexpr (N == 2) { auto&& [a0, a1] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>>{}; }
    else if constexpr (N == 3) { auto&& [a0, a1, a2] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>>{}; }
    else if constexpr (N == 4) { auto&& [a0, a1, a2, a3] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>>{}; }
    else if constexpr (N == 5) { auto&& [a0, a1, a2, a3, a4] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>>{}; }
    else if constexpr (N == 6) { auto&& [a0, a1, a2, a3, a4, a5] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>>{}; }
    else if constexpr (N == 7) { auto&& [a0, a1, a2, a3, a4, a5, a6] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>>{}; }
    else if constexpr (N == 8) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>>{}; }
    else if constexpr (N == 9) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>>{}; }
    else if constexpr (N == 10) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>>{}; }
    else if constexpr (N == 11) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>>{}; }
    else if constexpr (N == 12) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>>{}; }
    else if constexpr (N == 13) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>>{}; }
    else if constexpr (N == 14) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>>{}; }
    else if constexpr (N == 15) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>>{}; }
    else if constexpr (N == 16) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>>{}; }
    else if constexpr (N == 17) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>, field_t<decltype(a16)>>{}; }
    else if constexpr (N == 18) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>, field_t<decltype(a16)>, field_t<decltype(a17)>>{}; }
    else if constexpr (N == 19) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>, field_t<decltype(a16)>, field_t<decltype(a17)>, field_t<decltype(a18)>>{}; }
    else if constexpr (N == 20) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>, field_t<decltype(a16)>, field_t<decltype(a17)>, field_t<decltype(a18)>, field_t<decltype(a19)>>{}; }
    else if constexpr (N == 21) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>, field_t<decltype(a16)>, field_t<decltype(a17)>, field_t<decltype(a18)>, field_t<decltype(a19)>, field_t<decltype(a20)>>{}; }
    else if constexpr (N == 22) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>, field_t<decltype(a16)>, field_t<decltype(a17)>, field_t<decltype(a18)>, field_t<decltype(a19)>, field_t<decltype(a20)>, field_t<decltype(a21)>>{}; }
    else if constexpr (N == 23) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>, field_t<decltype(a16)>, field_t<decltype(a17)>, field_t<decltype(a18)>, field_t<decltype(a19)>, field_t<decltype(a20)>, field_t<decltype(a21)>, field_t<decltype(a22)>>{}; }
    else if constexpr (N == 24) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23] = fake_object<T>(); return type_list<field_t<decltype(a0)>, field_t<decltype(a1)>, field_t<decltype(a2)>, field_t<decltype(a3)>, field_t<decltype(a4)>, field_t<decltype(a5)>, field_t<decltype(a6)>, field_t<decltype(a7)>, field_t<decltype(a8)>, field_t<decltype(a9)>, field_t<decltype(a10)>, field_t<decltype(a11)>, field_t<decltype(a12)>, field_t<decltype(a13)>, field_t<decltype(a14)>, field_t<decltype(a15)>, field_t<decltype(a16)>, field_t<decltype(a17)>, field_t<decltype(a18)>, field_t<decltype(a19)>, field_t<decltype(a20)>, field_t<decltype(a21)>, field_t<decltype(a22)>, field_t<decltype(a23)>>{}; }
}

template <class T, bool = std::is_aggregate_v<T> && !std::is_union_v<T> && !std::is_array_v<T>>
struct fields {
    static constexpr bool reflectable = false;
    using types = type_list<>;
};

template <class T>
struct fields<T, true> {
    static constexpr std::size_t bases = count_bases<T, false>();
    // Every base empty: the members all sit in T, where the binding sees them.
    static constexpr bool bases_empty = count_bases<T, true>() == bases;
    static constexpr std::size_t count = count_members<T, bases>();
    static constexpr bool reflectable =
        bases_empty && count != no_count && count <= max_fields && (count > 0 || std::is_empty_v<T>);
    using types = decltype(field_types_of<T, reflectable ? count : 0>());
};

}  // namespace fearless::detail
