// The bounded channel: a ring of stamped slots, Dmitry Vyukov's bounded queue
// as crossbeam's `array` flavor builds it, specialised for one consumer.
//
// Each slot carries a stamp: `lap | index` when free for the sender of that
// lap, `lap | index` + 1 once written. A sender claims a slot with a CAS on the
// tail when the slot's stamp says it is free; the channel is full when the
// slot under the tail still holds last lap's message and the head agrees.
// Senders that find it full park until the receiver frees a slot; the
// receiver wakes one of them only if one announced itself.
#pragma once

#include <atomic>
#include <bit>
#include <cstddef>
#include <memory>
#include <optional>
#include <type_traits>

#include "channel_common.hpp"
#include "config.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

template <class T>
class array_channel {
    struct slot {
        std::atomic<std::size_t> stamp{0};
        bool hole = false;  // its sender's move threw: nothing to read
        raw_slot<T> msg;
    };

public:
    chan_counter counter;

    explicit array_channel(std::size_t cap)
        : cap_(cap), mark_bit_(std::bit_ceil(cap + 1)), one_lap_(mark_bit_ * 2), buffer_(new slot[cap]) {
        for (std::size_t i = 0; i < cap; ++i) buffer_[i].stamp.store(i, std::memory_order_relaxed);
    }
    array_channel(const array_channel&) = delete;
    array_channel& operator=(const array_channel&) = delete;

    // ok, pending (full) or disconnected; `v` is moved from only on ok.
    chan_status try_send(T& v) {
        backoff b;
        std::size_t tail = tail_.load(std::memory_order_seq_cst);
        for (;;) {
            if (tail & mark_bit_) return chan_status::disconnected;
            std::size_t index = tail & (mark_bit_ - 1);
            std::size_t lap = tail & ~(one_lap_ - 1);
            slot& s = buffer_[index];
            std::size_t stamp = s.stamp.load(std::memory_order_acquire);
            if (tail == stamp) {
                std::size_t next = index + 1 < cap_ ? tail + 1 : lap + one_lap_;
                if (tail_.compare_exchange_weak(tail, next, std::memory_order_seq_cst, std::memory_order_seq_cst)) {
                    write(s, v, tail + 1);
                    return chan_status::ok;
                }
                b.spin();
            } else if (stamp + one_lap_ == tail + 1) {
                std::atomic_thread_fence(std::memory_order_seq_cst);
                std::size_t head = head_.load(std::memory_order_acquire);
                if (head + one_lap_ == tail) return chan_status::pending;
                b.spin();
                tail = tail_.load(std::memory_order_seq_cst);
            } else {
                b.snooze();
                tail = tail_.load(std::memory_order_seq_cst);
            }
        }
    }

    chan_status send(T& v) {
        return block_on(senders_, [&] { return try_send(v); }, nullptr);
    }

    chan_status try_recv(std::optional<T>& out) {
        backoff b;
        for (;;) {
            std::size_t head = head_.load(std::memory_order_relaxed);
            std::size_t index = head & (mark_bit_ - 1);
            std::size_t lap = head & ~(one_lap_ - 1);
            slot& s = buffer_[index];
            std::size_t stamp = s.stamp.load(std::memory_order_acquire);
            if (head + 1 == stamp) {
                bool got = !s.hole;
                if (got)
                    s.msg.take(out);
                else
                    s.hole = false;
                s.stamp.store(head + one_lap_, std::memory_order_release);
                head_.store(index + 1 < cap_ ? head + 1 : lap + one_lap_, std::memory_order_seq_cst);
                senders_.notify_one();
                if (got) return chan_status::ok;
            } else if (stamp == head) {
                std::size_t tail = tail_.load(std::memory_order_seq_cst);
                if ((tail & ~mark_bit_) == head)
                    return (tail & mark_bit_) ? chan_status::disconnected : chan_status::pending;
                b.snooze();  // claimed, its sender is still writing
            } else {
                b.snooze();
            }
        }
    }

    chan_status recv(std::optional<T>& out, const steady_time* deadline) {
        return block_on(receiver_, [&] { return try_recv(out); }, deadline);
    }

    void disconnect_senders() noexcept {
        tail_.fetch_or(mark_bit_, std::memory_order_seq_cst);
        receiver_.notify_all();
    }

    // Closes the channel, wakes blocked senders (their sends fail and hand the
    // value back), and destroys every queued message exactly once.
    void disconnect_receiver() noexcept {
        std::size_t tail = tail_.fetch_or(mark_bit_, std::memory_order_seq_cst) & ~mark_bit_;
        senders_.notify_all();
        std::size_t head = head_.load(std::memory_order_relaxed);
        backoff b;
        while (head != tail) {
            std::size_t index = head & (mark_bit_ - 1);
            slot& s = buffer_[index];
            if (s.stamp.load(std::memory_order_acquire) == head + 1) {
                if (!s.hole) s.msg.destroy();
                s.hole = false;
                head = index + 1 < cap_ ? head + 1 : (head & ~(one_lap_ - 1)) + one_lap_;
            } else {
                b.snooze();
            }
        }
        head_.store(head, std::memory_order_relaxed);
    }

private:
    void write(slot& s, T& v, std::size_t stamp) {
        if constexpr (std::is_nothrow_move_constructible_v<T>) {
            s.msg.put(std::move(v));
        } else {
            try {
                s.msg.put(std::move(v));
            } catch (...) {
                s.hole = true;
                s.stamp.store(stamp, std::memory_order_release);
                receiver_.notify_all();
                throw;
            }
        }
        s.stamp.store(stamp, std::memory_order_release);
        receiver_.notify_all();
    }

    const std::size_t cap_;
    const std::size_t mark_bit_;  // above every index: set in the tail = disconnected
    const std::size_t one_lap_;
    const std::unique_ptr<slot[]> buffer_;
    alignas(cache_line) std::atomic<std::size_t> head_{0};  // written by the receiver only
    alignas(cache_line) std::atomic<std::size_t> tail_{0};
    alignas(cache_line) event receiver_;  // the receiver parks here when empty
    alignas(cache_line) event senders_;   // senders park here when full
};

}  // namespace fearless::detail

FEARLESS_END_HEADER
