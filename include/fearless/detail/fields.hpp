// The field types of an aggregate, so that Send and Sync can derive from
// them the way Rust's auto traits derive from a struct's fields.
//
// Fields are counted by aggregate-initialising T from N "anything" values
// whose conversion yields a prvalue: thanks to guaranteed copy elision no copy
// or move constructor is ever named, so members that are move-only (Rc) or
// neither (Mutex) count fine (Boost.PFR 1.81 names the copy constructor and
// fails on e.g. std::vector<Rc<int>> under Clang: boostorg/pfr#131, #168).
// The types then come from a structured binding in an unevaluated context.
//
// An aggregate that cannot be reflected this way (a C array member, a base
// class with members, more than 24 fields) reports reflectable == false and
// is treated like any undeclared class.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

namespace fearless::detail {

template <class... Ts>
struct type_list {};

template <class T>
inline constexpr bool is_init_list = false;
template <class T>
inline constexpr bool is_init_list<std::initializer_list<T>> = true;

// Converts to anything but T itself, one of its bases (a base subobject is not
// a field) or an initializer_list (which would select, and make Clang
// instantiate, a container's copying initializer_list constructor).
template <class T, class U>
concept field_target = !std::is_base_of_v<std::remove_cv_t<U>, T> && !is_init_list<std::remove_cv_t<U>>;

template <class T>
struct any_field {
    template <class U>
        requires field_target<T, U>
    operator U() const;
};

// Converts only to a base class of T: if T{any_base} compiles, T's first
// element is a base subobject, and the structured binding would not see it.
template <class T>
struct any_base {
    template <class U>
        requires(std::is_base_of_v<U, T> && !std::is_same_v<U, T>)
    operator U() const;
};

template <class T, std::size_t... I>
constexpr bool initializable(std::index_sequence<I...>) {
    return requires { T{(void(I), any_field<T>{})...}; };
}

inline constexpr std::size_t max_fields = 24;

// The largest N for which T{x1..xN} compiles (scanning down from the limit).
template <class T, std::size_t N = max_fields + 1>
constexpr std::size_t count_fields() {
    if constexpr (N == 0) {
        return 0;
    } else if constexpr (initializable<T>(std::make_index_sequence<N>{})) {
        return N;
    } else {
        return count_fields<T, N - 1>();
    }
}

template <class T>
const T& fake_object() noexcept {  // only named inside decltype, never called
    __builtin_unreachable();
}

template <class T, std::size_t N>
constexpr auto field_types_of() {
    if constexpr (N == 0) { return type_list<>{}; }
    else if constexpr (N == 1) { auto&& [a0] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>>{}; }
    else if constexpr (N == 2) { auto&& [a0, a1] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>>{}; }
    else if constexpr (N == 3) { auto&& [a0, a1, a2] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>>{}; }
    else if constexpr (N == 4) { auto&& [a0, a1, a2, a3] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>>{}; }
    else if constexpr (N == 5) { auto&& [a0, a1, a2, a3, a4] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>>{}; }
    else if constexpr (N == 6) { auto&& [a0, a1, a2, a3, a4, a5] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>>{}; }
    else if constexpr (N == 7) { auto&& [a0, a1, a2, a3, a4, a5, a6] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>>{}; }
    else if constexpr (N == 8) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>>{}; }
    else if constexpr (N == 9) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>>{}; }
    else if constexpr (N == 10) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>>{}; }
    else if constexpr (N == 11) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>>{}; }
    else if constexpr (N == 12) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>>{}; }
    else if constexpr (N == 13) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>>{}; }
    else if constexpr (N == 14) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>>{}; }
    else if constexpr (N == 15) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>>{}; }
    else if constexpr (N == 16) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>>{}; }
    else if constexpr (N == 17) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>, std::remove_cvref_t<decltype(a16)>>{}; }
    else if constexpr (N == 18) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>, std::remove_cvref_t<decltype(a16)>, std::remove_cvref_t<decltype(a17)>>{}; }
    else if constexpr (N == 19) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>, std::remove_cvref_t<decltype(a16)>, std::remove_cvref_t<decltype(a17)>, std::remove_cvref_t<decltype(a18)>>{}; }
    else if constexpr (N == 20) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>, std::remove_cvref_t<decltype(a16)>, std::remove_cvref_t<decltype(a17)>, std::remove_cvref_t<decltype(a18)>, std::remove_cvref_t<decltype(a19)>>{}; }
    else if constexpr (N == 21) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>, std::remove_cvref_t<decltype(a16)>, std::remove_cvref_t<decltype(a17)>, std::remove_cvref_t<decltype(a18)>, std::remove_cvref_t<decltype(a19)>, std::remove_cvref_t<decltype(a20)>>{}; }
    else if constexpr (N == 22) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>, std::remove_cvref_t<decltype(a16)>, std::remove_cvref_t<decltype(a17)>, std::remove_cvref_t<decltype(a18)>, std::remove_cvref_t<decltype(a19)>, std::remove_cvref_t<decltype(a20)>, std::remove_cvref_t<decltype(a21)>>{}; }
    else if constexpr (N == 23) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>, std::remove_cvref_t<decltype(a16)>, std::remove_cvref_t<decltype(a17)>, std::remove_cvref_t<decltype(a18)>, std::remove_cvref_t<decltype(a19)>, std::remove_cvref_t<decltype(a20)>, std::remove_cvref_t<decltype(a21)>, std::remove_cvref_t<decltype(a22)>>{}; }
    else if constexpr (N == 24) { auto&& [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23] = fake_object<T>(); return type_list<std::remove_cvref_t<decltype(a0)>, std::remove_cvref_t<decltype(a1)>, std::remove_cvref_t<decltype(a2)>, std::remove_cvref_t<decltype(a3)>, std::remove_cvref_t<decltype(a4)>, std::remove_cvref_t<decltype(a5)>, std::remove_cvref_t<decltype(a6)>, std::remove_cvref_t<decltype(a7)>, std::remove_cvref_t<decltype(a8)>, std::remove_cvref_t<decltype(a9)>, std::remove_cvref_t<decltype(a10)>, std::remove_cvref_t<decltype(a11)>, std::remove_cvref_t<decltype(a12)>, std::remove_cvref_t<decltype(a13)>, std::remove_cvref_t<decltype(a14)>, std::remove_cvref_t<decltype(a15)>, std::remove_cvref_t<decltype(a16)>, std::remove_cvref_t<decltype(a17)>, std::remove_cvref_t<decltype(a18)>, std::remove_cvref_t<decltype(a19)>, std::remove_cvref_t<decltype(a20)>, std::remove_cvref_t<decltype(a21)>, std::remove_cvref_t<decltype(a22)>, std::remove_cvref_t<decltype(a23)>>{}; }
}

template <class T, bool = std::is_aggregate_v<T> && !std::is_union_v<T> && !std::is_array_v<T>>
struct fields {
    static constexpr bool reflectable = false;
    using types = type_list<>;
};

template <class T>
struct fields<T, true> {
    static constexpr std::size_t count = count_fields<T>();
    static constexpr bool has_base = requires { T{any_base<T>{}}; };
    static constexpr bool reflectable = count <= max_fields && !has_base;
    using types = decltype(field_types_of<T, reflectable ? count : 0>());
};

}  // namespace fearless::detail
