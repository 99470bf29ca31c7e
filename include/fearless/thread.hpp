// thread: threads that own their data, as Rust's std::thread.
//
//   auto h = thread::spawn([](std::vector<int> v) { return v.size(); }, std::move(v));
//   std::size_t n = h.join();                   // the result, or what the thread threw
//
//   thread::scope([&](thread::Scope& s) {       // scoped threads may borrow Sync data
//       s.spawn([](const std::vector<int>& v) { /* read */ }, std::cref(v));
//       s.spawn([](const Mutex<int>& m) { *m.lock() += 1; }, std::cref(m));
//   });                                         // every thread joined here
//
//   thread::sleep(std::chrono::milliseconds(1));
//
// What a thread may take (checked at compile time, one error per mistake):
//   - f: a lambda without captures, a function, or a functor type checked
//     like an argument. A capturing lambda is rejected (`captures`): pass
//     what it needs as arguments, so the ownership is visible at the call.
//   - each argument: moved in (an lvalue is rejected: `takes ownership`) and
//     Send (`cannot be sent between threads safely`), at any depth.
//     thread::spawn takes no borrow at any depth (Static: no pointer,
//     reference, std::ref/cref, string_view, span, iterator or view, nor an
//     aggregate, functor or container holding one: `may outlive`).
//     Scope::spawn takes shared borrows of Sync data (std::cref(x), a
//     vector<string_view>...; `cannot be shared between threads safely`
//     otherwise) but no mutable borrow (std::ref, T&, iterator: `cannot borrow`).
//   - f's result: Send and holding no borrow (`may outlive`), scoped or not.
//
// Guarantees
//   - f and the arguments are destroyed on the new thread as soon as f
//     returns, before the result is published: a Sender moved into a thread
//     is dropped when the thread's work ends, not when it is joined.
//   - join() blocks until the thread ends, then returns its result or
//     rethrows its exception. A JoinHandle dropped without join() detaches.
//   - scope() returns only after every thread spawned in it has ended; then
//     it rethrows the first exception (in spawn order) that no join() took,
//     or the exception of its own body.
//   - spawn throws std::system_error if the system cannot start a thread.
#pragma once

#include "detail/chrono.hpp"
#include <memory>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <utility>

#include "detail/config.hpp"
#include "detail/spawn.hpp"
#include "detail/thread_safety_checks.hpp"
#include "marker.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::thread {

class Scope;

// An owned permission to join a thread spawned by thread::spawn.
// join() consumes it (Clang's -Wconsumed flags a second call); dropping it
// detaches the thread.
template <class R>
class FEARLESS_CONSUMABLE(unconsumed) JoinHandle {
public:
    FEARLESS_RETURN_TYPESTATE(unconsumed) JoinHandle(JoinHandle&&) noexcept = default;
    FEARLESS_SET_TYPESTATE(unconsumed) JoinHandle& operator=(JoinHandle&& other) noexcept {
        if (this != &other) {
            if (thread_.joinable()) thread_.detach();
            thread_ = std::move(other.thread_);
            packet_ = std::move(other.packet_);
        }
        return *this;
    }
    JoinHandle(const JoinHandle&) FEARLESS_DELETE("a JoinHandle cannot be copied: one owner joins the thread, move it");
    JoinHandle& operator=(const JoinHandle&) FEARLESS_DELETE("a JoinHandle cannot be copied: move it");
    ~JoinHandle() {
        if (thread_.joinable()) thread_.detach();
    }

    // Waits for the thread to end; returns its result or rethrows its exception.
    // Throws std::logic_error if already joined.
    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") FEARLESS_SET_TYPESTATE(consumed) R join() {
        if (!thread_.joinable()) throw std::logic_error("JoinHandle::join: the thread was already joined");
        thread_.join();
        std::shared_ptr<detail::packet<R>> p = std::move(packet_);
        if (p->error) std::rethrow_exception(p->error);
        if constexpr (!std::is_void_v<R>) return std::move(*p->value);
    }

    // True once the thread's function has returned (join() will not block long).
    bool is_finished() const noexcept { return !packet_ || packet_->is_finished(); }

private:
    template <class F, class... A>
    friend auto spawn(F&& f, A&&... args);
    FEARLESS_RETURN_TYPESTATE(unconsumed) JoinHandle(std::thread t, std::shared_ptr<detail::packet<R>> p) noexcept
        : thread_(std::move(t)), packet_(std::move(p)) {}

    std::thread thread_;
    std::shared_ptr<detail::packet<R>> packet_;
};

// Joins one thread spawned in a thread::scope before the scope ends; a handle
// never joined is joined when the scope returns.
template <class R>
class FEARLESS_CONSUMABLE(unconsumed) ScopedJoinHandle {
public:
    FEARLESS_RETURN_TYPESTATE(unconsumed) ScopedJoinHandle(ScopedJoinHandle&&) noexcept = default;
    FEARLESS_SET_TYPESTATE(unconsumed) ScopedJoinHandle& operator=(ScopedJoinHandle&&) noexcept = default;
    ScopedJoinHandle(const ScopedJoinHandle&) FEARLESS_DELETE("a ScopedJoinHandle cannot be copied: move it");
    ScopedJoinHandle& operator=(const ScopedJoinHandle&) FEARLESS_DELETE("a ScopedJoinHandle cannot be copied");

    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") FEARLESS_SET_TYPESTATE(consumed) R join() {
        if (!packet_) throw std::logic_error("ScopedJoinHandle::join: the thread was already joined");
        std::shared_ptr<detail::packet<R>> p = std::move(packet_);
        p->wait_finished();
        p->joined = true;
        if (p->error) std::rethrow_exception(p->error);
        if constexpr (!std::is_void_v<R>) return std::move(*p->value);
    }
    bool is_finished() const noexcept { return !packet_ || packet_->is_finished(); }

private:
    friend class Scope;
    FEARLESS_RETURN_TYPESTATE(unconsumed) explicit ScopedJoinHandle(std::shared_ptr<detail::packet<R>> p) noexcept : packet_(std::move(p)) {}
    std::shared_ptr<detail::packet<R>> packet_;
};

// Spawns a thread running f(args...) and returns its JoinHandle.
//   auto h = thread::spawn([](mpsc::Sender<int> tx) { tx.send(1); }, tx.clone());
template <class F, class... A>
auto spawn(F&& f, A&&... args) {
    using check = detail::spawn_check<false, F, A...>;
    using C [[maybe_unused]] = typename check::culprit;
    constexpr detail::spawn_problem problem = check::problem;
    using detail::spawn_problem;
    if constexpr (problem == spawn_problem::captures) {
        constexpr bool closure_has_no_captures = problem != spawn_problem::captures;
        static_assert(closure_has_no_captures, FEARLESS_EXPLAIN(C, C,
            "closure may outlive the current function, but it captures variables: thread::spawn needs a callable "
            "without captures. help: pass what it needs as arguments: thread::spawn(f, std::move(x))",
            "closure may outlive the current function, but it captures variables: thread::spawn needs a callable "
            "without captures. help: pass what it needs as arguments: thread::spawn(f, std::move(x))"));
    } else if constexpr (problem == spawn_problem::borrow) {
        constexpr bool argument_is_owned = problem != spawn_problem::borrow;
        static_assert(argument_is_owned, FEARLESS_EXPLAIN(C, typename detail::static_eval<C>::culprit,
            "borrowed value may outlive the data it points to: thread::spawn cannot take {T}{because}, the thread "
            "may outlive the caller. help: move an owned value in, or use thread::scope to borrow",
            "borrowed value may outlive the data it points to: thread::spawn cannot take a pointer, reference, "
            "std::ref/cref, string_view, span, iterator or view, at any depth: the thread may outlive the caller. "
            "help: move an owned value in, or use thread::scope to borrow"));
    } else if constexpr (problem == spawn_problem::lvalue) {
        constexpr bool argument_is_moved_in = problem != spawn_problem::lvalue;
        static_assert(argument_is_moved_in, FEARLESS_EXPLAIN(C, C,
            "thread::spawn takes ownership of its arguments, but this {T} is an lvalue that would be copied. "
            "help: pass std::move(x), or an explicit copy",
            "thread::spawn takes ownership of its arguments, but this one is an lvalue that would be copied. "
            "help: pass std::move(x), or an explicit copy"));
    } else if constexpr (problem == spawn_problem::not_movable) {
        constexpr bool argument_is_movable = problem != spawn_problem::not_movable;
        static_assert(argument_is_movable, FEARLESS_EXPLAIN(C, C,
            "{T} cannot be moved into the thread: it can be neither moved nor copied. "
            "help: share it: make_arc<Mutex<T>>(...) and pass a clone() to each thread",
            "this argument cannot be moved into the thread: it can be neither moved nor copied. "
            "help: share it: make_arc<Mutex<T>>(...) and pass a clone() to each thread"));
    } else if constexpr (problem == spawn_problem::not_send) {
        detail::check_send<C>();
    } else if constexpr (problem == spawn_problem::not_callable) {
        constexpr bool f_is_callable_with_the_arguments = problem != spawn_problem::not_callable;
        static_assert(f_is_callable_with_the_arguments, FEARLESS_EXPLAIN(C, C,
            "thread::spawn: {T} cannot be called with these arguments (each one is moved into the thread "
            "and passed as an rvalue)",
            "thread::spawn: f cannot be called with these arguments (each one is moved into the thread "
            "and passed as an rvalue)"));
    } else if constexpr (problem == spawn_problem::result_borrow) {
        constexpr bool result_is_owned = problem != spawn_problem::result_borrow;
        static_assert(result_is_owned, FEARLESS_EXPLAIN(C, typename detail::static_eval<C>::culprit,
            "the thread's result may outlive the data it refers to: f returns {T}{because}. help: return an owned "
            "value",
            "the thread's result may outlive the data it refers to: f returns a reference, pointer or a value "
            "holding one. help: return an owned value"));
    } else if constexpr (problem == spawn_problem::result_not_send) {
        detail::check_send<C>();
    }

    if constexpr (problem != spawn_problem::none) {
        return detail::rejected_handle_for<F, A...>{};
    } else {
        using R = detail::spawn_result_t<F, A...>;
        auto out = std::make_shared<detail::packet<R>>();
        std::thread t(detail::make_main(out, std::forward<F>(f), std::forward<A>(args)...));
        return JoinHandle<R>(std::move(t), std::move(out));
    }
}

// The threads of one thread::scope call. Its spawn may lend the scope's
// borrowed data (std::cref of Sync values) to the threads, because scope()
// joins them all before returning.
class Scope {
public:
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    ~Scope() { join_all(); }

    // Spawns a thread that ends before the enclosing thread::scope returns.
    template <class F, class... A>
    auto spawn(F&& f, A&&... args);

private:
    template <class F>
    friend decltype(auto) scope(F&& f);
    Scope() = default;

    struct entry {
        std::thread thread;
        std::shared_ptr<detail::packet_base> packet;
        std::unique_ptr<entry> next;
    };

    void join_all() noexcept {
        for (entry* e = first_.get(); e; e = e->next.get())
            if (e->thread.joinable()) e->thread.join();
    }
    void rethrow_unjoined() {
        for (entry* e = first_.get(); e; e = e->next.get())
            if (e->packet->error && !e->packet->joined) std::rethrow_exception(e->packet->error);
    }

    std::unique_ptr<entry> first_;
    entry* last_ = nullptr;
};

template <class F, class... A>
auto Scope::spawn(F&& f, A&&... args) {
    using check = detail::spawn_check<true, F, A...>;
    using C [[maybe_unused]] = typename check::culprit;
    constexpr detail::spawn_problem problem = check::problem;
    using detail::spawn_problem;
    if constexpr (problem == spawn_problem::captures) {
        constexpr bool closure_has_no_captures = problem != spawn_problem::captures;
        static_assert(closure_has_no_captures, FEARLESS_EXPLAIN(C, C,
            "closure captures variables: Scope::spawn needs a callable without captures. help: pass what it needs "
            "as arguments: s.spawn(f, std::cref(x)) to borrow, s.spawn(f, std::move(x)) to move",
            "closure captures variables: Scope::spawn needs a callable without captures. help: pass what it needs "
            "as arguments: s.spawn(f, std::cref(x)) to borrow, s.spawn(f, std::move(x)) to move"));
    } else if constexpr (problem == spawn_problem::mut_borrow) {
        constexpr bool no_mutable_borrow = problem != spawn_problem::mut_borrow;
        static_assert(no_mutable_borrow, FEARLESS_EXPLAIN(C, C,
            "cannot borrow data as mutable in a scoped thread ({T}): other threads may use it at the same time. "
            "help: put it in a Mutex and pass std::cref(mutex) (lock() is const), or move it in",
            "cannot borrow data as mutable in a scoped thread (std::ref, span<T>, T&, an iterator, at any depth): "
            "other threads may use it at the same time. help: put it in a Mutex and pass std::cref(mutex) (lock() "
            "is const), or move it in"));
    } else if constexpr (problem == spawn_problem::not_sync) {
        detail::check_sync<C>();
    } else if constexpr (problem == spawn_problem::lvalue) {
        constexpr bool argument_is_moved_in = problem != spawn_problem::lvalue;
        static_assert(argument_is_moved_in, FEARLESS_EXPLAIN(C, C,
            "Scope::spawn takes ownership of its arguments, but this {T} is an lvalue that would be copied. "
            "help: pass std::move(x), or std::cref(x) to borrow it",
            "Scope::spawn takes ownership of its arguments, but this one is an lvalue that would be copied. "
            "help: pass std::move(x), or std::cref(x) to borrow it"));
    } else if constexpr (problem == spawn_problem::not_movable) {
        constexpr bool argument_is_movable = problem != spawn_problem::not_movable;
        static_assert(argument_is_movable, FEARLESS_EXPLAIN(C, C,
            "{T} cannot be moved into the thread: it can be neither moved nor copied. "
            "help: share it: make_arc<Mutex<T>>(...) and pass a clone() to each thread",
            "this argument cannot be moved into the thread: it can be neither moved nor copied. "
            "help: share it: make_arc<Mutex<T>>(...) and pass a clone() to each thread"));
    } else if constexpr (problem == spawn_problem::not_send) {
        detail::check_send<C>();
    } else if constexpr (problem == spawn_problem::not_callable) {
        constexpr bool f_is_callable_with_the_arguments = problem != spawn_problem::not_callable;
        static_assert(f_is_callable_with_the_arguments, FEARLESS_EXPLAIN(C, C,
            "Scope::spawn: {T} cannot be called with these arguments (std::cref(x) arrives as const X&, "
            "anything else as an rvalue)",
            "Scope::spawn: f cannot be called with these arguments (std::cref(x) arrives as const X&, "
            "anything else as an rvalue)"));
    } else if constexpr (problem == spawn_problem::result_borrow) {
        constexpr bool result_is_owned = problem != spawn_problem::result_borrow;
        static_assert(result_is_owned, FEARLESS_EXPLAIN(C, typename detail::static_eval<C>::culprit,
            "the thread's result may outlive the data it refers to: f returns {T}{because}. help: return an owned "
            "value",
            "the thread's result may outlive the data it refers to: f returns a reference, pointer or a value "
            "holding one. help: return an owned value"));
    } else if constexpr (problem == spawn_problem::result_not_send) {
        detail::check_send<C>();
    }

    if constexpr (problem != spawn_problem::none) {
        return detail::rejected_handle_for<F, A...>{};
    } else {
        using R = detail::spawn_result_t<F, A...>;
        auto out = std::make_shared<detail::packet<R>>();
        auto e = std::make_unique<entry>();
        e->packet = out;
        e->thread = std::thread(detail::make_main(out, std::forward<F>(f), std::forward<A>(args)...));
        entry* raw = e.get();
        (last_ ? last_->next : first_) = std::move(e);
        last_ = raw;
        return ScopedJoinHandle<R>(std::move(out));
    }
}

// Runs f(scope) and joins every thread it spawned before returning f's result.
// Rethrows f's exception, else the first exception of a thread no join() took.
template <class F>
decltype(auto) scope(F&& f) {
    Scope s;
    using R = std::invoke_result_t<F, Scope&>;
    if constexpr (std::is_void_v<R>) {
        try {
            std::forward<F>(f)(s);
        } catch (...) {
            s.join_all();
            throw;
        }
        s.join_all();
        s.rethrow_unjoined();
    } else {
        R r = [&]() -> R {
            try {
                return std::forward<F>(f)(s);
            } catch (...) {
                s.join_all();
                throw;
            }
        }();
        s.join_all();
        s.rethrow_unjoined();
        return r;
    }
}

// Blocks the current thread for at least `d`.
template <class Rep, class Period>
void sleep(std::chrono::duration<Rep, Period> d) {
    std::this_thread::sleep_for(d);
}

// Gives other threads a chance to run.
inline void yield_now() noexcept { std::this_thread::yield(); }

}  // namespace fearless::thread

// Send/Sync: a JoinHandle can be moved and shared freely (the result was
// checked to be Send at spawn); a Scope stays with the scope's own thread.
namespace fearless::detail {
template <class R> struct send_rule<thread::JoinHandle<R>> : if_send<> {};
template <class R> struct sync_rule<thread::JoinHandle<R>> : if_sync<> {};
template <class R> struct send_rule<thread::ScopedJoinHandle<R>> : if_send<> {};
template <class R> struct sync_rule<thread::ScopedJoinHandle<R>> : if_sync<> {};
template <> struct send_rule<thread::Scope> : never<blame::borrow> {};
template <> struct sync_rule<thread::Scope> : never<blame::borrow> {};
template <class R> struct static_rule<thread::JoinHandle<R>> : if_static<> {};
template <class R> struct static_rule<thread::ScopedJoinHandle<R>> : never<blame::borrow> {};  // of its scope
template <> struct static_rule<thread::Scope> : never<blame::borrow> {};
}  // namespace fearless::detail

FEARLESS_END_HEADER
