// What the three channel flavors (list, array, zero) share: the result of one
// operation, raw storage for a message, the count that decides who frees the
// channel, and the spin-then-park loop of a blocking operation.
#pragma once

#include <atomic>
#include <cstddef>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

#include "config.hpp"
#include "parker.hpp"
#include "schedule_point.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

// pending: the operation would block (receive: empty; send: full).
enum class chan_status : unsigned char { ok, pending, disconnected, timeout };

enum class flavor : unsigned char { list, array, zero };

// Room for one T that is constructed and destroyed by hand.
template <class T>
struct raw_slot {
    alignas(T) unsigned char bytes[sizeof(T)];

    T* get() noexcept { return std::launder(reinterpret_cast<T*>(bytes)); }
    void put(T&& v) { ::new (static_cast<void*>(bytes)) T(std::move(v)); }
    // Moves the message into `out` and ends its life in the slot.
    void take(std::optional<T>& out) {
        T* p = get();
        out.emplace(std::move(*p));
        p->~T();
    }
    void destroy() noexcept { get()->~T(); }
};

// A sender's last step, in every flavor with slots: moves `v` into `msg`,
// then `publish(threw)` marks the slot written for the receiver. If the move
// throws, the slot is published as a hole (nothing to read, so the receiver
// skips it) and the exception goes on to the sender.
template <class T, class Publish>
void fill_slot(raw_slot<T>& msg, T& v, Publish&& publish) {
    if constexpr (std::is_nothrow_move_constructible_v<T>) {
        msg.put(std::move(v));
    } else {
        try {
            msg.put(std::move(v));
        } catch (...) {
            publish(true);
            throw;
        }
    }
    FEARLESS_SCHEDULE_POINT(slot_filled);
    publish(false);
}

// Shared ownership, as crossbeam's `counter`: any number of senders, one
// receiver. The side that leaves last frees the channel.
struct chan_counter {
    std::atomic<std::size_t> senders{1};
    std::atomic<bool> other_side_gone{false};
};

template <class Chan>
void acquire_sender(Chan* c) noexcept {
    c->counter.senders.fetch_add(1, std::memory_order_relaxed);
}

template <class Chan>
void release_sender(Chan* c) noexcept {
    if (c->counter.senders.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        FEARLESS_SCHEDULE_POINT(disconnect);
        c->disconnect_senders();
        FEARLESS_SCHEDULE_POINT(chan_last_ref);
        if (c->counter.other_side_gone.exchange(true, std::memory_order_acq_rel)) delete c;
    }
}

template <class Chan>
void release_receiver(Chan* c) noexcept {
    FEARLESS_SCHEDULE_POINT(disconnect);
    c->disconnect_receiver();
    FEARLESS_SCHEDULE_POINT(chan_last_ref);
    if (c->counter.other_side_gone.exchange(true, std::memory_order_acq_rel)) delete c;
}

// Repeats `attempt` until it stops answering `pending`: first spinning and
// yielding (crossbeam's Backoff), then parked on `ev` until a notify or the
// deadline (nullptr: none). The announce-then-retry order pairs with the
// notifier's publish-then-notify (see `event`), so no wake-up is lost.
// While spinning, `maybe_ready` (a cheap look, say at the one slot the next
// message lands in) decides whether another attempt is worth making.
template <class Attempt, class MaybeReady>
chan_status block_on(event& ev, Attempt&& attempt, const steady_time* deadline, MaybeReady&& maybe_ready) {
    for (;;) {
        backoff b;
        for (bool spun_out = false; !spun_out;) {
            chan_status s = attempt();
            if (s != chan_status::pending) return s;
            do {
                spun_out = b.completed();
                if (!spun_out) b.snooze();
            } while (!spun_out && !maybe_ready());
        }
        std::uint32_t key = ev.key();
        ev.announce();
        FEARLESS_SCHEDULE_POINT(park_announced);
        chan_status s = attempt();
        if (s != chan_status::pending) {
            ev.retire();
            return s;
        }
        bool woken = true;
        if (deadline)
            woken = ev.park_until(key, *deadline);
        else
            ev.park(key);
        ev.retire();
        if (!woken) {
            s = attempt();
            return s == chan_status::pending ? chan_status::timeout : s;
        }
    }
}

template <class Attempt>
chan_status block_on(event& ev, Attempt&& attempt, const steady_time* deadline) {
    return block_on(ev, attempt, deadline, [] { return true; });
}

}  // namespace fearless::detail

FEARLESS_END_HEADER
