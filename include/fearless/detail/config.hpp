// Compiler feature switches shared by every fearless header.
//
// The library's error messages are its user interface, so it uses the best
// channel each compiler offers and degrades to one that every compiler has:
//
//   FEARLESS_DELETE("why")   `= delete("why")` where supported (Clang 19+); a
//                            plain `= delete` elsewhere. GCC 12 and Clang 14
//                            echo the declaration's source line in their note,
//                            so always write the reason on that same line.
//   FEARLESS_FORMATTED_ASSERT  1 where static_assert takes a computed message
//                            (Clang 22), so messages can name the offending type.
//   FEARLESS_LIFETIMEBOUND, FEARLESS_CONSUMABLE(...), ...: Clang's dangling
//                            and -Wconsumed annotations; nothing on GCC.
#pragma once

#if defined(__cpp_deleted_function) && __cpp_deleted_function >= 202403L
#define FEARLESS_DELETE(reason) = delete(reason)
#else
#define FEARLESS_DELETE(reason) = delete
#endif

#if defined(__cpp_static_assert) && __cpp_static_assert >= 202306L
#define FEARLESS_FORMATTED_ASSERT 1
#else
#define FEARLESS_FORMATTED_ASSERT 0
#endif

// Both features are C++26 extensions in C++20 mode; the library uses them on
// purpose, so silence the pedantic warning inside fearless headers only.
#if defined(__clang__)
#define FEARLESS_BEGIN_HEADER \
  _Pragma("clang diagnostic push") \
  _Pragma("clang diagnostic ignored \"-Wunknown-warning-option\"") \
  _Pragma("clang diagnostic ignored \"-Wc++26-extensions\"")
#define FEARLESS_END_HEADER _Pragma("clang diagnostic pop")
#else
#define FEARLESS_BEGIN_HEADER
#define FEARLESS_END_HEADER
#endif

#if defined(__clang__)
#define FEARLESS_LIFETIMEBOUND [[clang::lifetimebound]]
#define FEARLESS_CONSUMABLE(state) [[clang::consumable(state)]]
#define FEARLESS_CALLABLE_WHEN(...) [[clang::callable_when(__VA_ARGS__)]]
#define FEARLESS_SET_TYPESTATE(state) [[clang::set_typestate(state)]]
#define FEARLESS_RETURN_TYPESTATE(state) [[clang::return_typestate(state)]]
#define FEARLESS_PARAM_TYPESTATE(state) [[clang::param_typestate(state)]]
#define FEARLESS_TEST_TYPESTATE(state) [[clang::test_typestate(state)]]
#else
#define FEARLESS_LIFETIMEBOUND
#define FEARLESS_CONSUMABLE(state)
#define FEARLESS_CALLABLE_WHEN(...)
#define FEARLESS_SET_TYPESTATE(state)
#define FEARLESS_RETURN_TYPESTATE(state)
#define FEARLESS_PARAM_TYPESTATE(state)
#define FEARLESS_TEST_TYPESTATE(state)
#endif
