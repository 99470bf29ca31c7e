// unwinding_probe: "is an exception unwinding past me?", answered like
// std::uncaught_exceptions() but without calling it.
//
// MutexGuard counts exceptions in flight when it locks and again when it is
// destroyed (more now: unwinding destroyed it, so the Mutex is poisoned). The
// standard function is an out-of-line call into the C++ runtime that finds
// the thread's exception globals through __tls_get_addr, about thirty
// instructions on every lock and unlock. The Itanium C++ ABI (GCC, Clang on
// every ELF and Mach-O target) fixes where that count lives: the per-thread
// __cxa_eh_globals that abi::__cxa_get_globals() returns begins
//   { __cxa_exception* caughtExceptions; unsigned int uncaughtExceptions; }
// in libstdc++ (libsupc++) and libc++abi alike, and the runtime updates it in
// __cxa_throw / __cxa_begin_catch / __cxa_rethrow. So the pointer is fetched
// once per thread and kept in a thread_local of our own (a plain %fs-relative
// load in an executable), the probe keeps it too, and reading the count again
// when the guard is destroyed is one load.
//
// Other runtimes (MSVC's, libcxxrt) fall back to std::uncaught_exceptions().
#pragma once

#include "config.hpp"

#include <exception>  // defines __GLIBCXX__ or _LIBCPP_VERSION

#if defined(__GLIBCXX__) || (defined(_LIBCPP_VERSION) && __has_include(<cxxabi.h>))
#include <cxxabi.h>  // libc++abi's defines _LIBCPPABI_VERSION
#if defined(__GLIBCXX__) || defined(_LIBCPPABI_VERSION)
#define FEARLESS_ITANIUM_EH_GLOBALS 1
#endif
#endif

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

#if defined(FEARLESS_ITANIUM_EH_GLOBALS)

// The leading fields of the runtime's __cxa_eh_globals (cxxabi.h only
// declares the struct).
struct eh_globals_head {
  void* caught_exceptions;
  unsigned int uncaught_exceptions;
};

[[gnu::cold, gnu::noinline]] inline const eh_globals_head* fetch_eh_globals() noexcept {
  return reinterpret_cast<const eh_globals_head*>(abi::__cxa_get_globals());
}

// This thread's count of exceptions in flight, where the runtime keeps it; it
// lives as long as the thread.
inline const unsigned int* uncaught_exceptions_counter() noexcept {
  // Constant-initialized, so no thread_local guard or wrapper call.
  static thread_local const eh_globals_head* globals = nullptr;
  const eh_globals_head* g = globals;
  if (!g) [[unlikely]] globals = g = fetch_eh_globals();
  return &g->uncaught_exceptions;
}

// Remembers std::uncaught_exceptions() on this thread when made, and says
// later (on the same thread) whether more are in flight now: the owner is
// being destroyed by unwinding. Holds where the count lives, so the second
// reading is a single load.
class unwinding_probe {
 public:
  unwinding_probe() noexcept : counter_(uncaught_exceptions_counter()), at_start_(*counter_) {}
  bool unwinding() const noexcept { return *counter_ > at_start_; }

 private:
  const unsigned int* counter_;
  unsigned int at_start_;
};

#else

class unwinding_probe {
 public:
  unwinding_probe() noexcept : at_start_(std::uncaught_exceptions()) {}
  bool unwinding() const noexcept { return std::uncaught_exceptions() > at_start_; }

 private:
  int at_start_;
};

#endif

}  // namespace fearless::detail

FEARLESS_END_HEADER
