// The machinery behind thread::spawn and Scope::spawn: the compile-time
// checks of what a thread may take (first problem wins, so exactly one error
// fires), the packet that carries the result back, and the thread's main.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "../marker.hpp"
#include "config.hpp"
#include "parker.hpp"
#include "type_name.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

// ---- checks ---------------------------------------------------------------

enum class spawn_problem : unsigned char {
    none,
    captures,         // f is a lambda with captures fearless cannot see into
    borrow,           // unscoped: an argument or f holds a borrow at some depth (culprit: the borrow)
    lvalue,           // an argument that would be copied, not moved in
    not_movable,      // an argument that can be neither moved nor copied (a Mutex)
    not_send,         // an argument or f that is not Send (culprit: its type)
    mut_borrow,       // scoped: a mutable borrow at some depth (culprit: the borrow)
    not_sync,         // scoped: a shared borrow of data that is not Sync (culprit: the data's type)
    not_callable,     // f cannot be called with the arguments
    result_borrow,    // f's result holds a borrow (culprit: the result type)
    result_not_send,  // f's result is not Send (culprit: the result type)
};

template <spawn_problem P = spawn_problem::none, class Culprit = void>
struct spawn_verdict {
    static constexpr spawn_problem problem = P;
    using culprit = Culprit;
};

// How an argument reaches f on the thread: a reference_wrapper as the
// reference it holds, anything else as an rvalue.
template <class D, bool Wrapper = is_reference_wrapper<D>()>
struct passed {
    using type = D&&;
};
template <class D>
struct passed<D, true> {
    using type = typename D::type&;
};
template <class D>
using passed_t = typename passed<D>::type;

// What a value handed to a thread (f or an argument) must be, at any depth:
// unscoped, Static (no borrow) and Send; scoped, Send, where a shared borrow
// is Send iff its target is Sync and a mutable borrow never is. A lock guard
// is reported as not Send even where it is also a borrow.
template <bool Scoped, class D>
constexpr auto check_value() {
    using send = send_eval<D>;
    if constexpr (!send::value && send::why == blame::guard) {
        return spawn_verdict<spawn_problem::not_send, D>{};
    } else if constexpr (!Scoped && !static_eval<D>::value && static_eval<D>::why == blame::borrow) {
        return spawn_verdict<spawn_problem::borrow, D>{};
    } else if constexpr (send::value) {
        return spawn_verdict<>{};
    } else if constexpr (Scoped && send::why == blame::mut_borrow) {
        return spawn_verdict<spawn_problem::mut_borrow, typename send::culprit>{};
    } else if constexpr (Scoped && send::why == blame::not_sync) {
        return spawn_verdict<spawn_problem::not_sync, typename send::culprit>{};
    } else {
        return spawn_verdict<spawn_problem::not_send, D>{};
    }
}

template <bool Scoped, class A>  // A: the deduced forwarding-reference type (T& or T)
constexpr auto check_argument() {
    using D = std::decay_t<A>;
    using value = decltype(check_value<Scoped, D>());
    constexpr bool copied_borrow = Scoped && classify_std_value<D>() == std_kind::borrow;
    if constexpr (value::problem != spawn_problem::none &&
                  (value::problem != spawn_problem::not_send || send_eval<D>::why == blame::borrow)) {
        return value{};  // a borrow is wrong whether copied or moved
    } else if constexpr (std::is_lvalue_reference_v<A> && !copied_borrow) {
        return spawn_verdict<spawn_problem::lvalue, D>{};
    } else if constexpr (!std::is_move_constructible_v<D>) {
        return spawn_verdict<spawn_problem::not_movable, D>{};
    } else {
        return value{};
    }
}

template <bool Scoped, class F>
constexpr auto check_callable() {
    using Fn = std::decay_t<F>;
    if constexpr ((std::is_pointer_v<Fn> && std::is_function_v<std::remove_pointer_t<Fn>>) ||
                  std::is_member_pointer_v<Fn>) {
        return spawn_verdict<>{};
    } else if constexpr (!std::is_class_v<Fn>) {
        return spawn_verdict<spawn_problem::not_callable, Fn>{};
    } else if constexpr (send_eval<Fn>::why == blame::undeclared && !in_std<Fn> && is_closure<Fn>()) {
        return spawn_verdict<spawn_problem::captures, Fn>{};  // a closure with captures (a class: "cannot see inside")
    } else if constexpr (decltype(check_value<Scoped, Fn>())::problem != spawn_problem::none) {
        return decltype(check_value<Scoped, Fn>()){};
    } else if constexpr (std::is_lvalue_reference_v<F> && !std::is_copy_constructible_v<Fn>) {
        return spawn_verdict<spawn_problem::lvalue, Fn>{};
    } else {
        return spawn_verdict<>{};
    }
}

// A thread's result is handed to whoever joins it: owned (no borrow: the
// thread's data is gone by then) and Send.
template <class F, class... A>
constexpr auto check_result() {
    using Fn = std::decay_t<F>;
    if constexpr (!std::is_invocable_v<Fn, passed_t<std::decay_t<A>>...>) {
        return spawn_verdict<spawn_problem::not_callable, Fn>{};
    } else {
        using R = std::invoke_result_t<Fn, passed_t<std::decay_t<A>>...>;
        if constexpr (std::is_void_v<R>)
            return spawn_verdict<>{};
        else if constexpr (!static_eval<R>::value && static_eval<R>::why == blame::borrow)
            return spawn_verdict<spawn_problem::result_borrow, R>{};
        else if constexpr (!send_eval<R>::value)
            return spawn_verdict<spawn_problem::result_not_send, R>{};
        else
            return spawn_verdict<>{};
    }
}

template <class... A>
struct arg_list {};

// The first problem among: the callable, each argument in order, the call, the result.
template <bool Scoped, class F, class All, class... Rest>
struct first_problem;
template <bool Scoped, class F, class... All>
struct first_problem<Scoped, F, arg_list<All...>> : decltype(check_result<F, All...>()) {};
template <bool Scoped, class F, class... All, class A, class... Rest>
struct first_problem<Scoped, F, arg_list<All...>, A, Rest...>
    : std::conditional_t<decltype(check_argument<Scoped, A>())::problem == spawn_problem::none,
                         first_problem<Scoped, F, arg_list<All...>, Rest...>,
                         decltype(check_argument<Scoped, A>())> {};

template <bool Scoped, class F, class... A>
struct spawn_check
    : std::conditional_t<decltype(check_callable<Scoped, F>())::problem == spawn_problem::none,
                         first_problem<Scoped, F, arg_list<A...>, A...>, decltype(check_callable<Scoped, F>())> {};

// ---- running --------------------------------------------------------------

// Where a thread leaves its result (or exception) for whoever joins it.
struct packet_base {
    static constexpr std::uint32_t running = 0, finished = 1, awaited = 2;

    std::exception_ptr error;
    std::atomic<std::uint32_t> state{running};
    bool joined = false;  // scoped: its handle took the outcome

    void finish() noexcept {
        if (state.exchange(finished, std::memory_order_acq_rel) == awaited) unpark_all(state);
    }
    bool is_finished() const noexcept { return state.load(std::memory_order_acquire) == finished; }
    void wait_finished() noexcept {
        std::uint32_t s = state.load(std::memory_order_acquire);
        while (s != finished) {
            if (s == running && !state.compare_exchange_weak(s, awaited, std::memory_order_acquire)) continue;
            park_while(state, awaited);
            s = state.load(std::memory_order_acquire);
        }
    }
};

template <class R>
struct packet : packet_base {
    std::optional<R> value;
};
template <>
struct packet<void> : packet_base {};

// The thread's main. f and the arguments live here, on the new thread, and
// are destroyed as soon as f returns, before anyone can see the result: a
// Sender passed in is gone by the time join() returns, or earlier.
template <class R, class Fn, class... D>
struct thread_main {
    std::shared_ptr<packet<R>> out;
    std::optional<std::tuple<Fn, D...>> work;

    void operator()() noexcept {
        try {
            if constexpr (std::is_void_v<R>) {
                call();
                work.reset();
            } else {
                R r = call();
                work.reset();
                out->value.emplace(std::move(r));
            }
        } catch (...) {
            work.reset();
            out->error = std::current_exception();
        }
        out->finish();
    }

    R call() {
        return std::apply(
            // static_cast: a reference_wrapper converts to the reference it holds.
            [](Fn& fn, D&... d) -> R {
                return std::apply(std::move(fn), std::forward_as_tuple(static_cast<passed_t<D>>(d)...));
            },
            *work);
    }
};

template <class R, class F, class... A>
thread_main<R, std::decay_t<F>, std::decay_t<A>...> make_main(std::shared_ptr<packet<R>> out, F&& f, A&&... a) {
    thread_main<R, std::decay_t<F>, std::decay_t<A>...> m{std::move(out), std::nullopt};
    m.work.emplace(std::forward<F>(f), std::forward<A>(a)...);
    return m;
}

template <class F, class... A>
using spawn_result_t = std::invoke_result_t<std::decay_t<F>, passed_t<std::decay_t<A>>...>;

// What a rejected spawn returns: the error is out; whatever the caller does
// next compiles, so it stays the only error. join() returns f's own result
// type where there is one (printing it or calling its methods then resolves
// as it would have), else `anything`.
struct anything {
    template <class U>
    operator U() const {
        std::terminate();
    }
};
template <class F, class... A>
constexpr auto rejected_result() {
    if constexpr (std::is_invocable_v<std::decay_t<F>, passed_t<std::decay_t<A>>...>)
        return std::type_identity<std::invoke_result_t<std::decay_t<F>, passed_t<std::decay_t<A>>...>>{};
    else
        return std::type_identity<anything>{};
}
template <class R>
struct rejected_handle {
    [[noreturn]] R join() const { std::terminate(); }
    bool is_finished() const { return true; }
    template <class U>
    operator U() const {
        std::terminate();
    }
};

template <class F, class... A>
using rejected_handle_for = rejected_handle<typename decltype(rejected_result<F, A...>())::type>;

}  // namespace fearless::detail

FEARLESS_END_HEADER
