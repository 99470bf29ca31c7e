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
    captures,         // f is a lambda with captures (or a functor that is not Send)
    borrow,           // unscoped: a pointer, reference_wrapper, string_view or span argument
    lvalue,           // an argument that would be copied, not moved in
    not_movable,      // an argument that can be neither moved nor copied (a Mutex)
    not_send,         // an argument that is not Send (culprit: the argument's type)
    mut_borrow,       // scoped: std::ref / span<T> of mutable data
    not_sync,         // scoped: std::cref of data that is not Sync (culprit: the data's type)
    not_callable,     // f cannot be called with the arguments
    result_borrow,    // f returns a reference or pointer
    result_not_send,  // f's result is not Send (culprit: the result type)
};

template <spawn_problem P = spawn_problem::none, class Culprit = void>
struct spawn_verdict {
    static constexpr spawn_problem problem = P;
    using culprit = Culprit;
};

// Scoped borrows of standard types: reference_wrapper<U>, span<U>,
// basic_string_view<C>, initializer_list<U>. `target` is what is borrowed.
template <class D>
constexpr int std_borrow_kind() {  // 0 none, 1 reference_wrapper, 2 span, 3 string_view / initializer_list
    if constexpr (!std::is_class_v<D> || !in_std<D>) {
        return 0;
    } else if constexpr (std_named<D>("reference_wrapper<")) {
        return 1;
    } else if constexpr (std_named<D>("span<")) {
        return 2;
    } else if constexpr (std_named<D>("basic_string_view<") || std_named<D>("initializer_list<")) {
        return 3;
    } else {
        return 0;
    }
}

template <class D, int Kind = std_borrow_kind<D>()>
struct borrow_target {
    using type = void;
};
template <class D>
struct borrow_target<D, 1> {
    using type = typename D::type;
};
template <class D>
struct borrow_target<D, 2> {
    using type = typename D::element_type;
};
template <class D>
struct borrow_target<D, 3> {
    using type = const typename D::value_type;
};

// How an argument reaches f on the thread: a reference_wrapper as the
// reference it holds, anything else as an rvalue.
template <class D, bool Wrapper = std_borrow_kind<D>() == 1>
struct passed {
    using type = D&&;
};
template <class D>
struct passed<D, true> {
    using type = typename D::type&;
};
template <class D>
using passed_t = typename passed<D>::type;

template <bool Scoped, class A>  // A: the deduced forwarding-reference type (T& or T)
constexpr auto check_argument() {
    using D = std::decay_t<A>;
    if constexpr (Scoped && std_borrow_kind<D>() != 0) {
        using U = typename borrow_target<D>::type;
        if constexpr (!std::is_const_v<U>)
            return spawn_verdict<spawn_problem::mut_borrow, D>{};
        else if constexpr (!Sync<std::remove_const_t<U>>)
            return spawn_verdict<spawn_problem::not_sync, std::remove_const_t<U>>{};
        else
            return spawn_verdict<>{};
    } else if constexpr (Scoped && is_borrow<D>) {  // raw pointers: never Send
        return spawn_verdict<spawn_problem::not_send, D>{};
    } else if constexpr (is_borrow<D>) {
        return spawn_verdict<spawn_problem::borrow, D>{};
    } else if constexpr (std::is_lvalue_reference_v<A>) {
        return spawn_verdict<spawn_problem::lvalue, D>{};
    } else if constexpr (!std::is_move_constructible_v<D>) {
        return spawn_verdict<spawn_problem::not_movable, D>{};
    } else if constexpr (!Send<D>) {
        return spawn_verdict<spawn_problem::not_send, D>{};
    } else {
        return spawn_verdict<>{};
    }
}

template <class F>
constexpr auto check_callable() {
    using Fn = std::decay_t<F>;
    if constexpr ((std::is_pointer_v<Fn> && std::is_function_v<std::remove_pointer_t<Fn>>) ||
                  std::is_member_pointer_v<Fn>) {
        return spawn_verdict<>{};
    } else if constexpr (!std::is_class_v<Fn>) {
        return spawn_verdict<spawn_problem::not_callable, Fn>{};
    } else if constexpr (std::is_empty_v<Fn>) {
        return spawn_verdict<>{};  // a lambda without captures
    } else if constexpr (!Send<Fn>) {
        return spawn_verdict<spawn_problem::captures, Fn>{};
    } else if constexpr (std::is_lvalue_reference_v<F> && !std::is_copy_constructible_v<Fn>) {
        return spawn_verdict<spawn_problem::lvalue, Fn>{};
    } else {
        return spawn_verdict<>{};
    }
}

template <class F, class... A>
constexpr auto check_result() {
    using Fn = std::decay_t<F>;
    if constexpr (!std::is_invocable_v<Fn, passed_t<std::decay_t<A>>...>) {
        return spawn_verdict<spawn_problem::not_callable, Fn>{};
    } else {
        using R = std::invoke_result_t<Fn, passed_t<std::decay_t<A>>...>;
        if constexpr (std::is_void_v<R>)
            return spawn_verdict<>{};
        else if constexpr (std::is_reference_v<R> || is_borrow<std::remove_cv_t<R>>)
            return spawn_verdict<spawn_problem::result_borrow, R>{};
        else if constexpr (!Send<R>)
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
    : std::conditional_t<decltype(check_callable<F>())::problem == spawn_problem::none,
                         first_problem<Scoped, F, arg_list<A...>, A...>, decltype(check_callable<F>())> {};

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
// next compiles, so it stays the only error.
struct anything {
    template <class U>
    operator U() const {
        std::terminate();
    }
};
struct rejected_handle {
    anything join() const { return {}; }
    bool is_finished() const { return true; }
    template <class U>
    operator U() const {
        std::terminate();
    }
};

}  // namespace fearless::detail

FEARLESS_END_HEADER
