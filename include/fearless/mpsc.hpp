// mpsc: multi-producer, single-consumer channels, as Rust's std::sync::mpsc.
//
//   auto [tx, rx] = mpsc::channel<std::string>();         // unbounded
//   thread::spawn([](mpsc::Sender<std::string> tx) {
//       tx.send(std::string("hi"));                        // takes ownership
//   }, tx.clone());
//   std::optional<std::string> got = rx.recv();            // blocks; nullopt once every sender is gone
//   for (std::string s : rx) { ... }                       // ends when every sender is gone
//
//   auto [stx, srx] = mpsc::sync_channel<int>(16);         // bounded: send blocks while 16 are queued
//   auto [htx, hrx] = mpsc::sync_channel<int>(0);          // rendezvous: send blocks until received
//
// Guarantees
//   - Messages from one sender arrive in the order it sent them; nothing is
//     lost or duplicated. A send that fails (the Receiver is gone) hands the
//     value back: `tx.send(std::move(v)).into_inner()`.
//   - A Receiver dropped with messages queued destroys each exactly once; a
//     Receiver blocked in recv() wakes when the last Sender is dropped.
//   - Sender::send never blocks (the queue grows; blocks of 31 slots, no
//     allocation per message). SyncSender::send blocks while the queue is
//     full; with capacity 0 it blocks until the receiver takes the value.
//     recv() blocks until a message arrives or every sender is gone.
//   - Nothing here throws except what T's move constructor or the allocator
//     throws; a throwing move leaves the channel consistent.
//   - Sender<T>, SyncSender<T> and Receiver<T> are Send iff T is; Sender and
//     SyncSender are Sync (clone() from many threads); Receiver is not: one
//     consumer.
//
// Misuse rejected at compile time: sending an lvalue (`takes ownership`),
// copying a Sender (use clone()), copying a Receiver (`single consumer`),
// mpsc::channel() without a message type (`type annotations needed`).
#pragma once

#include "detail/chrono.hpp"
#include <cstddef>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "detail/channel_array.hpp"
#include "detail/channel_common.hpp"
#include "detail/channel_list.hpp"
#include "detail/channel_zero.hpp"
#include "detail/config.hpp"
#include "marker.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::mpsc {

template <class T>
class Sender;
template <class T>
class SyncSender;
template <class T>
class Receiver;

}  // namespace fearless::mpsc

namespace fearless::detail {
struct channel_access;
}

namespace fearless::mpsc {

// Why try_recv() / recv_timeout() returned no message.
enum class TryRecvError { Empty, Disconnected };
enum class RecvTimeoutError { Timeout, Disconnected };

// The outcome of a send, as Rust's Result<(), SendError<T>>: either the value
// went into the channel, or it comes back through into_inner().
//
//   if (auto r = tx.send(std::move(job)); !r) retry(r.into_inner());
template <class T>
class SendResult {
public:
    bool ok() const noexcept { return status_ == detail::chan_status::ok; }
    explicit operator bool() const noexcept { return ok(); }
    // Failed because the Receiver is gone (send or try_send).
    bool is_disconnected() const noexcept { return status_ == detail::chan_status::disconnected; }
    // Failed because the channel was full (try_send only).
    bool is_full() const noexcept { return status_ == detail::chan_status::pending; }

    // The value that could not be sent. Throws std::logic_error if it was sent.
    T into_inner() {
        if (!value_) throw std::logic_error("SendResult::into_inner: the value was sent, nothing to hand back");
        return std::move(*value_);
    }
    // Rust's `.unwrap()`: throws std::runtime_error if the send failed.
    void unwrap() const {
        if (!ok())
            throw std::runtime_error(is_full() ? "sending on a full channel" : "sending on a closed channel");
    }

private:
    friend struct detail::channel_access;
    explicit SendResult(detail::chan_status s) noexcept : status_(s) {}
    SendResult(detail::chan_status s, T&& v) : value_(std::move(v)), status_(s) {}

    std::optional<T> value_;
    detail::chan_status status_;
};

// The outcome of try_recv() / recv_timeout(): a message, or why there is none.
//
//   if (auto m = rx.try_recv()) use(*m);
//   else if (m.error() == mpsc::TryRecvError::Disconnected) return;
template <class T, class E>
class RecvResult {
public:
    bool ok() const noexcept { return value_.has_value(); }
    explicit operator bool() const noexcept { return ok(); }
    T& operator*() & { return *value_; }
    T&& operator*() && { return std::move(*value_); }
    T* operator->() { return &*value_; }
    // The message; throws std::bad_optional_access if there is none.
    T& value() & { return value_.value(); }
    T&& value() && { return std::move(value_.value()); }
    // Why there is no message (meaningful when !ok()).
    E error() const noexcept { return error_; }
    // The message as a std::optional, dropping the reason.
    std::optional<T> into_optional() && { return std::move(value_); }

private:
    template <class>
    friend class Receiver;
    RecvResult() = default;

    std::optional<T> value_;
    E error_{};
};

template <class T>
using TryRecvResult = RecvResult<T, TryRecvError>;
template <class T>
using RecvTimeoutResult = RecvResult<T, RecvTimeoutError>;

// The sending half of an unbounded channel. Never blocks. Clone it for more
// producers; the channel closes for the receiver when the last one is gone.
template <class T>
class FEARLESS_CONSUMABLE(unconsumed) Sender {
public:
    Sender(const Sender&) FEARLESS_DELETE("a Sender cannot be copied implicitly: use tx.clone() for another producer");
    Sender& operator=(const Sender&) FEARLESS_DELETE("a Sender cannot be copied implicitly: use tx.clone()");
    FEARLESS_RETURN_TYPESTATE(unconsumed) Sender(Sender&& other) noexcept : chan_(std::exchange(other.chan_, nullptr)) {}
    FEARLESS_SET_TYPESTATE(unconsumed) Sender& operator=(Sender&& other) noexcept {
        if (this != &other) {
            reset();
            chan_ = std::exchange(other.chan_, nullptr);
        }
        return *this;
    }
    ~Sender() { reset(); }

    // Another producer for the same channel.
    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") Sender clone() const noexcept {
        if (chan_) detail::acquire_sender(chan_);
        return Sender(chan_);
    }

    // Moves `value` into the channel. Fails only if the Receiver is gone;
    // the value then comes back through into_inner(). const: a Sender is
    // Sync (many threads may send through one `const Sender&`, as in Rust).
    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") SendResult<T> send(T&& value) const;
    SendResult<T> send(const T& value) const FEARLESS_DELETE("send takes ownership of the message: pass std::move(x)");

private:
    friend struct detail::channel_access;
    FEARLESS_RETURN_TYPESTATE(unconsumed) explicit Sender(detail::list_channel<T>* c) noexcept : chan_(c) {}
    void reset() noexcept {
        if (chan_) detail::release_sender(std::exchange(chan_, nullptr));
    }

    detail::list_channel<T>* chan_;
};

// The sending half of a bounded channel (mpsc::sync_channel). send() blocks
// while the channel is full, or, with capacity 0, until the receiver takes
// the value; try_send() never blocks.
template <class T>
class FEARLESS_CONSUMABLE(unconsumed) SyncSender {
public:
    SyncSender(const SyncSender&) FEARLESS_DELETE("a SyncSender cannot be copied implicitly: use tx.clone() for another producer");
    SyncSender& operator=(const SyncSender&) FEARLESS_DELETE("a SyncSender cannot be copied implicitly: use tx.clone()");
    FEARLESS_RETURN_TYPESTATE(unconsumed) SyncSender(SyncSender&& other) noexcept
        : kind_(other.kind_), chan_(std::exchange(other.chan_, nullptr)) {}
    FEARLESS_SET_TYPESTATE(unconsumed) SyncSender& operator=(SyncSender&& other) noexcept {
        if (this != &other) {
            reset();
            kind_ = other.kind_;
            chan_ = std::exchange(other.chan_, nullptr);
        }
        return *this;
    }
    ~SyncSender() { reset(); }

    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") SyncSender clone() const noexcept {
        if (chan_) with([](auto& c) { detail::acquire_sender(&c); });
        return SyncSender(kind_, chan_);
    }

    // Blocks while the channel is full; fails (handing the value back) if the
    // Receiver is gone.
    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") SendResult<T> send(T&& value) const;
    SendResult<T> send(const T& value) const FEARLESS_DELETE("send takes ownership of the message: pass std::move(x)");

    // Never blocks: fails with is_full() or is_disconnected(), handing the value back.
    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") SendResult<T> try_send(T&& value) const;
    SendResult<T> try_send(const T& value) const FEARLESS_DELETE("try_send takes ownership of the message: pass std::move(x)");

private:
    friend struct detail::channel_access;
    FEARLESS_RETURN_TYPESTATE(unconsumed) SyncSender(detail::flavor k, void* c) noexcept : kind_(k), chan_(c) {}
    template <class F>
    decltype(auto) with(F&& f) const {
        if (kind_ == detail::flavor::array) return f(*static_cast<detail::array_channel<T>*>(chan_));
        return f(*static_cast<detail::zero_channel<T>*>(chan_));
    }
    void reset() noexcept {
        if (chan_) {
            with([](auto& c) { detail::release_sender(&c); });
            chan_ = nullptr;
        }
    }

    detail::flavor kind_;
    void* chan_;
};

// The receiving half of any channel: one consumer. Move it into the thread
// that receives; it cannot be copied or shared.
//
//   while (auto m = rx.recv()) use(*m);                // until every sender is gone
//   auto r = rx.recv_timeout(std::chrono::milliseconds(10));
//   if (!r && r.error() == mpsc::RecvTimeoutError::Timeout) ...
template <class T>
class FEARLESS_CONSUMABLE(unconsumed) Receiver {
public:
    Receiver(const Receiver&) FEARLESS_DELETE("a Receiver is a single consumer and cannot be copied: move it into the one thread that receives");
    Receiver& operator=(const Receiver&) FEARLESS_DELETE("a Receiver is a single consumer and cannot be copied: move it instead");
    FEARLESS_RETURN_TYPESTATE(unconsumed) Receiver(Receiver&& other) noexcept : kind_(other.kind_), chan_(std::exchange(other.chan_, nullptr)) {}
    FEARLESS_SET_TYPESTATE(unconsumed) Receiver& operator=(Receiver&& other) noexcept {
        if (this != &other) {
            reset();
            kind_ = other.kind_;
            chan_ = std::exchange(other.chan_, nullptr);
        }
        return *this;
    }
    // Closes the channel: later sends fail and hand their value back; queued
    // messages are destroyed here.
    ~Receiver() { reset(); }

    // Blocks for the next message; std::nullopt once every sender is gone and
    // the queue is empty.
    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") std::optional<T> recv() {
        std::optional<T> out;
        if (chan_) with([&](auto& c) { return c.recv(out, nullptr); });
        return out;
    }

    // Never blocks: a message, or TryRecvError::Empty / Disconnected.
    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") TryRecvResult<T> try_recv() {
        TryRecvResult<T> r;
        auto s = chan_ ? with([&](auto& c) { return c.try_recv(r.value_); }) : detail::chan_status::disconnected;
        r.error_ = s == detail::chan_status::disconnected ? TryRecvError::Disconnected : TryRecvError::Empty;
        return r;
    }

    // Blocks for at most `timeout`: a message, or RecvTimeoutError::Timeout / Disconnected.
    template <class Rep, class Period>
    FEARLESS_CALLABLE_WHEN("unconsumed", "unknown") RecvTimeoutResult<T> recv_timeout(std::chrono::duration<Rep, Period> timeout) {
        RecvTimeoutResult<T> r;
        detail::chan_status s = detail::chan_status::disconnected;
        if (chan_) {
            if (timeout > std::chrono::hours(24 * 365 * 100)) {
                s = with([&](auto& c) { return c.recv(r.value_, nullptr); });
            } else {
                detail::steady_time deadline =
                    std::chrono::steady_clock::now() + std::chrono::ceil<std::chrono::steady_clock::duration>(timeout);
                s = with([&](auto& c) { return c.recv(r.value_, &deadline); });
            }
        }
        r.error_ = s == detail::chan_status::disconnected ? RecvTimeoutError::Disconnected : RecvTimeoutError::Timeout;
        return r;
    }

    // Range-for: each message in turn, ending once every sender is gone.
    class iterator;
    struct sentinel {};
    iterator begin() { return iterator(this); }
    sentinel end() noexcept { return {}; }

private:
    friend struct detail::channel_access;
    FEARLESS_RETURN_TYPESTATE(unconsumed) Receiver(detail::flavor k, void* c) noexcept : kind_(k), chan_(c) {}
    template <class F>
    decltype(auto) with(F&& f) const {
        switch (kind_) {
            case detail::flavor::list: return f(*static_cast<detail::list_channel<T>*>(chan_));
            case detail::flavor::array: return f(*static_cast<detail::array_channel<T>*>(chan_));
            default: return f(*static_cast<detail::zero_channel<T>*>(chan_));
        }
    }
    void reset() noexcept {
        if (chan_) {
            with([](auto& c) { detail::release_receiver(&c); });
            chan_ = nullptr;
        }
    }

    detail::flavor kind_;
    void* chan_;
};

template <class T>
class Receiver<T>::iterator {
public:
    using value_type = T;
    using difference_type = std::ptrdiff_t;

    explicit iterator(Receiver* rx) : rx_(rx), current_(rx->recv()) {}
    T& operator*() const { return *current_; }
    T* operator->() const { return &*current_; }
    iterator& operator++() {
        current_ = rx_->recv();
        return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, sentinel) noexcept { return !it.current_; }

private:
    Receiver* rx_;
    mutable std::optional<T> current_;
};

}  // namespace fearless::mpsc

namespace fearless::detail {

struct channel_access {
    template <class T>
    static mpsc::SendResult<T> result(chan_status s, T& v) {
        if (s == chan_status::ok) return mpsc::SendResult<T>(s);
        return mpsc::SendResult<T>(s, std::move(v));
    }
    template <class T>
    static std::pair<mpsc::Sender<T>, mpsc::Receiver<T>> unbounded() {
        auto* c = new list_channel<T>();
        return {mpsc::Sender<T>(c), mpsc::Receiver<T>(flavor::list, c)};
    }
    template <class T>
    static std::pair<mpsc::SyncSender<T>, mpsc::Receiver<T>> bounded(std::size_t cap) {
        if (cap == 0) {
            auto* c = new zero_channel<T>();
            return {mpsc::SyncSender<T>(flavor::zero, c), mpsc::Receiver<T>(flavor::zero, c)};
        }
        auto* c = new array_channel<T>(cap);
        return {mpsc::SyncSender<T>(flavor::array, c), mpsc::Receiver<T>(flavor::array, c)};
    }
};

// What mpsc::channel() returns when no message type was named: one error has
// been reported already, so everything a caller might do with it compiles.
struct untyped_end {
    template <class... A>
    untyped_end send(A&&...) const { return {}; }
    template <class... A>
    untyped_end try_send(A&&...) const { return {}; }
    template <class... A>
    untyped_end recv_timeout(A&&...) const { return {}; }
    untyped_end clone() const { return {}; }
    untyped_end recv() const { return {}; }
    untyped_end try_recv() const { return {}; }
    untyped_end into_inner() const { return {}; }
    untyped_end value() const { return {}; }
    bool ok() const { return false; }
    const untyped_end& operator*() const { return *this; }
    const untyped_end* operator->() const { return this; }
    const untyped_end* begin() const { return this; }
    const untyped_end* end() const { return this; }
    template <class U>
    operator U() const { std::terminate(); }
};
struct untyped_channel {
    untyped_end first, second;
};
// The default message type of channel<T>(): its presence means none was named.
struct message_type_not_named {};

template <class T>
constexpr bool valid_message_type() {
    static_assert(!std::is_reference_v<T> && !std::is_const_v<T> && !std::is_void_v<T> && !std::is_array_v<T>,
                  "a channel carries owned values: name a plain value type, e.g. mpsc::channel<std::string>()");
    return !std::is_reference_v<T> && !std::is_const_v<T> && !std::is_void_v<T> && !std::is_array_v<T>;
}

}  // namespace fearless::detail

namespace fearless::mpsc {

// An unbounded channel: `auto [tx, rx] = mpsc::channel<T>();`
template <class T = detail::message_type_not_named>
auto channel() {
    if constexpr (std::is_same_v<T, detail::message_type_not_named>) {
        constexpr bool message_type_named = !std::is_same_v<T, detail::message_type_not_named>;
        static_assert(message_type_named,
                      "type annotations needed: mpsc::channel() cannot infer the message type. "
                      "help: name it, e.g. mpsc::channel<std::string>()");
        return detail::untyped_channel{};
    } else if constexpr (!detail::valid_message_type<T>()) {
        return detail::untyped_channel{};
    } else {
        return detail::channel_access::unbounded<T>();
    }
}

// A bounded channel holding at most `bound` messages; 0 makes every send a
// rendezvous with the receiver: `auto [tx, rx] = mpsc::sync_channel<T>(16);`
template <class T = detail::message_type_not_named>
auto sync_channel(std::size_t bound) {
    if constexpr (std::is_same_v<T, detail::message_type_not_named>) {
        constexpr bool message_type_named = !std::is_same_v<T, detail::message_type_not_named>;
        static_assert(message_type_named,
                      "type annotations needed: mpsc::sync_channel(n) cannot infer the message type. "
                      "help: name it, e.g. mpsc::sync_channel<int>(16)");
        return detail::untyped_channel{};
    } else if constexpr (!detail::valid_message_type<T>()) {
        return detail::untyped_channel{};
    } else {
        return detail::channel_access::bounded<T>(bound);
    }
}

template <class T>
SendResult<T> Sender<T>::send(T&& value) const {
    if (!chan_) return detail::channel_access::result(detail::chan_status::disconnected, value);
    return detail::channel_access::result(
        chan_->send(value) ? detail::chan_status::ok : detail::chan_status::disconnected, value);
}

template <class T>
SendResult<T> SyncSender<T>::send(T&& value) const {
    detail::chan_status s =
        chan_ ? with([&](auto& c) { return c.send(value); }) : detail::chan_status::disconnected;
    return detail::channel_access::result(s, value);
}

template <class T>
SendResult<T> SyncSender<T>::try_send(T&& value) const {
    detail::chan_status s =
        chan_ ? with([&](auto& c) { return c.try_send(value); }) : detail::chan_status::disconnected;
    return detail::channel_access::result(s, value);
}

}  // namespace fearless::mpsc

// Send/Sync, as Rust's impls: the handles carry T across threads; senders may
// be shared (clone from many threads); the receiver may not (one consumer).
namespace fearless::detail {
template <class T> struct send_rule<mpsc::Sender<T>> : if_send<T> {};
template <class T> struct sync_rule<mpsc::Sender<T>> : if_send<T> {};
template <class T> struct send_rule<mpsc::SyncSender<T>> : if_send<T> {};
template <class T> struct sync_rule<mpsc::SyncSender<T>> : if_send<T> {};
template <class T> struct send_rule<mpsc::Receiver<T>> : if_send<T> {};
template <class T> struct sync_rule<mpsc::Receiver<T>> : never<blame::single_consumer> {};
template <class T> struct send_rule<mpsc::SendResult<T>> : if_send<T> {};
template <class T> struct sync_rule<mpsc::SendResult<T>> : if_sync<T> {};
template <class T, class E> struct send_rule<mpsc::RecvResult<T, E>> : if_send<T> {};
template <class T, class E> struct sync_rule<mpsc::RecvResult<T, E>> : if_sync<T> {};
template <class T> struct static_rule<mpsc::Sender<T>> : if_static<T> {};
template <class T> struct static_rule<mpsc::SyncSender<T>> : if_static<T> {};
template <class T> struct static_rule<mpsc::Receiver<T>> : if_static<T> {};
template <class T> struct static_rule<mpsc::SendResult<T>> : if_static<T> {};
template <class T, class E> struct static_rule<mpsc::RecvResult<T, E>> : if_static<T> {};
}  // namespace fearless::detail

FEARLESS_END_HEADER
