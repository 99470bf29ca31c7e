// The readable name of a type, computed at compile time, for error messages
// (Clang 22's formatted static_assert) and for recognising standard library
// templates without including their headers.
#pragma once
#include <cstddef>
#include <string_view>

namespace fearless::detail {

// A string built in a constant expression: static_assert accepts any object
// with constexpr data() and size() as its message (C++26, Clang 22 in C++20).
// Hand-written comparisons: GCC 12 under -fsanitize=undefined cannot evaluate
// std::char_traits' null checks in constant expressions.
constexpr bool starts_with_at(std::string_view s, std::size_t at, std::string_view prefix) {
    if (at > s.size() || s.size() - at < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (s[at + i] != prefix[i]) return false;
    return true;
}

constexpr std::size_t find_from(std::string_view s, std::string_view needle, std::size_t from = 0) {
    for (std::size_t i = from; i + needle.size() <= s.size(); ++i)
        if (starts_with_at(s, i, needle)) return i;
    return std::string_view::npos;
}

template <std::size_t N>
struct fixed_string {
    char buf[N + 1]{};
    std::size_t len = 0;
    constexpr const char* data() const { return buf; }
    constexpr std::size_t size() const { return len; }
    constexpr std::string_view view() const { return {buf, len}; }
    constexpr void append(std::string_view s) {
        for (char c : s) buf[len++] = c;
    }
};

template <class T>
constexpr std::string_view raw_type_name() {
    // GCC: "... raw_type_name() [with T = X; std::string_view = ...]"
    // Clang: "... raw_type_name() [T = X]"
    std::string_view p = __PRETTY_FUNCTION__;
    std::size_t start = find_from(p, "T = ") + 4;
    std::size_t end = find_from(p, "; ", start);
    if (end == std::string_view::npos) {
        end = p.size();
        while (end > start && p[end - 1] != ']') --end;
        --end;
    }
    return p.substr(start, end - start);
}

// The name with the library's own namespace dropped ("Rc<int>", not
// "fearless::Rc<int>"): messages read the way users wrote the types.
template <class T>
constexpr auto make_type_name() {
    constexpr std::string_view raw = raw_type_name<T>();
    constexpr std::string_view ns = "fearless::";
    fixed_string<raw.size()> out;
    for (std::size_t i = 0; i < raw.size();) {
        if (starts_with_at(raw, i, ns)) { i += ns.size(); continue; }
        out.buf[out.len++] = raw[i++];
    }
    return out;
}

template <class T>
inline constexpr auto type_name_storage = make_type_name<T>();

template <class T>
constexpr std::string_view type_name() { return type_name_storage<T>.view(); }

// True if T is the standard library template `name` ("shared_ptr<", ...),
// whatever inline namespaces (std::__1::, std::__cxx11::) it sits in.
constexpr bool is_std_named(std::string_view type, std::string_view name) {
    if (!starts_with_at(type, 0, "std::")) return false;
    type.remove_prefix(5);
    while (starts_with_at(type, 0, "__")) {
        std::size_t colons = find_from(type, "::");
        if (colons == std::string_view::npos) return false;
        type.remove_prefix(colons + 2);
    }
    return starts_with_at(type, 0, name);
}

template <class T>
constexpr bool std_named(std::string_view name) { return is_std_named(type_name<T>(), name); }

// Message assembly for formatted static_asserts: before `Type` after.
// Whether T is a lambda's closure type, by the name each compiler gives it
// (GCC "f()::<lambda(int)>", Clang "(lambda at file:line:col)"); a class
// with a closure among its template arguments ends otherwise.
constexpr bool is_closure_named(std::string_view name) {
    const std::size_t n = name.size();
    return (n >= 2 && name[n - 2] == ')' && name[n - 1] == '>' && find_from(name, "<lambda(") != std::string_view::npos) ||
           (n >= 1 && name[n - 1] == ')' && find_from(name, "(lambda at ") != std::string_view::npos);
}
template <class T>
constexpr bool is_closure() { return is_closure_named(raw_type_name<T>()); }

template <class T, std::size_t A, std::size_t B>
constexpr auto message(const char (&before)[A], const char (&after)[B]) {
    constexpr std::string_view name = type_name<T>();
    fixed_string<A + B + name.size()> m;
    m.append(std::string_view(before, A - 1));
    m.append("`");
    m.append(name);
    m.append("`");
    m.append(std::string_view(after, B - 1));
    return m;
}

}  // namespace fearless::detail

// FEARLESS_ASSERT(cond, T, "before ", " after"): a static_assert whose message
// names the offending type. Where static_assert only takes a literal (GCC 12,
// Clang 14/19) the message says `T` and the compiler's "[with T = ...]" note
// names it.
#if FEARLESS_FORMATTED_ASSERT
#define FEARLESS_ASSERT(cond, T, before, after) \
    static_assert(cond, ::fearless::detail::message<T>(before, after))
#else
#define FEARLESS_ASSERT(cond, T, before, after) static_assert(cond, before "`" #T "`" after)
#endif
