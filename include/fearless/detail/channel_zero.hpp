// The rendezvous channel (sync_channel(0)): no buffer; a send completes only
// when the receiver takes the value from the sender's hands, as crossbeam's
// `zero` flavor. A short mutex guards the queue of parked senders and the
// one parked receiver; each party parks on an atomic in its own stack frame.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>

#include "channel_common.hpp"
#include "config.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

template <class T>
class zero_channel {
    static constexpr std::uint32_t waiting = 0, done = 1, closed = 2;

    struct sender_packet {
        T* msg;
        std::atomic<std::uint32_t> state{waiting};
        sender_packet* next = nullptr;
    };
    struct receiver_packet {
        std::optional<T>* out;
        std::atomic<std::uint32_t> state{waiting};
    };

public:
    chan_counter counter;

    zero_channel() = default;
    zero_channel(const zero_channel&) = delete;
    zero_channel& operator=(const zero_channel&) = delete;

    // Hands `v` to a receiver already waiting: ok, pending (none waits) or disconnected.
    chan_status try_send(T& v) {
        std::lock_guard lk(mu_);
        if (disconnected_) return chan_status::disconnected;
        if (!receiver_) return chan_status::pending;
        hand_to_receiver(v);
        return chan_status::ok;
    }

    // Blocks until the receiver has taken `v` (ok) or is gone (disconnected; `v` untouched).
    chan_status send(T& v) {
        std::unique_lock lk(mu_);
        if (disconnected_) return chan_status::disconnected;
        if (receiver_) {
            hand_to_receiver(v);
            return chan_status::ok;
        }
        sender_packet p{&v};
        (senders_tail_ ? senders_tail_->next : senders_head_) = &p;
        senders_tail_ = &p;
        lk.unlock();
        FEARLESS_SCHEDULE_POINT(zero_parking);
        std::uint32_t s = park(p.state, nullptr);
        return s == done ? chan_status::ok : chan_status::disconnected;
    }

    chan_status try_recv(std::optional<T>& out) {
        std::lock_guard lk(mu_);
        if (senders_head_) {
            take_from_sender(out);
            return chan_status::ok;
        }
        return disconnected_ ? chan_status::disconnected : chan_status::pending;
    }

    chan_status recv(std::optional<T>& out, const steady_time* deadline) {
        std::unique_lock lk(mu_);
        if (senders_head_) {
            take_from_sender(out);
            return chan_status::ok;
        }
        if (disconnected_) return chan_status::disconnected;
        receiver_packet p{&out};
        receiver_ = &p;
        lk.unlock();
        FEARLESS_SCHEDULE_POINT(zero_parking);
        std::uint32_t s = park(p.state, deadline);
        if (s == waiting) return chan_status::timeout;
        return s == done ? chan_status::ok : chan_status::disconnected;
    }

    void disconnect_senders() noexcept {
        std::lock_guard lk(mu_);
        disconnected_ = true;
        if (receiver_) {
            finish(receiver_->state, closed);
            receiver_ = nullptr;
        }
    }

    // Wakes every parked sender: its send fails and the value stays with it.
    void disconnect_receiver() noexcept {
        std::lock_guard lk(mu_);
        disconnected_ = true;
        while (senders_head_) {
            sender_packet* p = senders_head_;
            senders_head_ = p->next;
            finish(p->state, closed);
        }
        senders_tail_ = nullptr;
    }

private:
    // Under the lock: the waiter cannot leave before the lock is released
    // (see park), so its stack packet outlives this wake.
    static void finish(std::atomic<std::uint32_t>& state, std::uint32_t how) noexcept {
        state.store(how, std::memory_order_release);
        unpark_one(state);
    }

    void hand_to_receiver(T& v) {
        receiver_->out->emplace(std::move(v));
        FEARLESS_SCHEDULE_POINT(zero_handoff);
        finish(receiver_->state, done);
        receiver_ = nullptr;
    }

    void take_from_sender(std::optional<T>& out) {
        sender_packet* p = senders_head_;
        out.emplace(std::move(*p->msg));
        senders_head_ = p->next;
        if (!senders_head_) senders_tail_ = nullptr;
        FEARLESS_SCHEDULE_POINT(zero_handoff);
        finish(p->state, done);
    }

    // Waits for a partner to settle `state`; on timeout withdraws the receiver
    // packet unless a sender settled it first. Returns the final state.
    std::uint32_t park(std::atomic<std::uint32_t>& state, const steady_time* deadline) {
        backoff b;
        while (state.load(std::memory_order_acquire) == waiting) {
            if (!b.completed()) {
                b.snooze();
            } else if (!deadline) {
                park_while(state, waiting);
            } else if (!park_until_changed(state, waiting, *deadline)) {
                FEARLESS_SCHEDULE_POINT(zero_timeout);
                std::lock_guard lk(mu_);
                std::uint32_t s = state.load(std::memory_order_acquire);
                if (s == waiting) receiver_ = nullptr;
                return s;
            }
        }
        std::lock_guard lk(mu_);  // the settling thread has finished with our packet
        return state.load(std::memory_order_acquire);
    }

    std::mutex mu_;
    bool disconnected_ = false;
    sender_packet* senders_head_ = nullptr;
    sender_packet* senders_tail_ = nullptr;
    receiver_packet* receiver_ = nullptr;
};

}  // namespace fearless::detail

FEARLESS_END_HEADER
