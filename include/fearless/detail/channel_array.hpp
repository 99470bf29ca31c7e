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
    // 16 bytes for a word-sized T, as crossbeam's: four slots to a cache line.
    struct slot {
        std::atomic<std::size_t> stamp{0};
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
            slot& s = buffer_[tail & (mark_bit_ - 1)];
            std::size_t stamp = s.stamp.load(std::memory_order_acquire) & ~hole_bit();
            if (tail == stamp) {
                if (tail_.compare_exchange_weak(tail, advance(tail), std::memory_order_seq_cst, std::memory_order_seq_cst)) {
                    FEARLESS_SCHEDULE_POINT(array_claimed);
                    write(s, v, tail + 1);
                    return chan_status::ok;
                }
                b.spin();
            } else if (stamp + one_lap_ == tail + 1) {
                FEARLESS_SCHEDULE_POINT(array_full);
                std::atomic_thread_fence(std::memory_order_seq_cst);
                std::size_t head = head_.load(std::memory_order_acquire);
                if (head + one_lap_ == tail) {
                    if (!wait_for_room(tail)) return chan_status::pending;
                } else {
                    b.spin();
                }
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
            slot& s = buffer_[head & (mark_bit_ - 1)];
            std::size_t stamp = s.stamp.load(std::memory_order_acquire);
            if (head + 1 == (stamp & ~hole_bit())) {
                const bool got = !(stamp & hole_bit());
                if (got) out.emplace(std::move(*s.msg.get()));  // if this throws, nothing has changed
                // The head moves before the slot is freed, as in crossbeam: a
                // sender that finds the slot still occupied then sees the head
                // past it and retries, instead of taking the channel for full
                // and backing off.
                head_.store(advance(head), std::memory_order_seq_cst);
                FEARLESS_SCHEDULE_POINT(array_head_moved);
                if (got) s.msg.destroy();
                s.stamp.store(head + one_lap_, std::memory_order_release);
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
        FEARLESS_SCHEDULE_POINT(disconnect);
        senders_.notify_all();
        std::size_t head = head_.load(std::memory_order_relaxed);
        backoff b;
        while (head != tail) {
            slot& s = buffer_[head & (mark_bit_ - 1)];
            std::size_t stamp = s.stamp.load(std::memory_order_acquire);
            if ((stamp & ~hole_bit()) == head + 1) {
                if (!(stamp & hole_bit())) s.msg.destroy();
                head = advance(head);
            } else {
                b.snooze();
            }
        }
        head_.store(head, std::memory_order_relaxed);
    }

private:
    // The ring was full at `tail`. Rather than retry at once, a sender waits
    // (spinning, briefly) until the receiver has freed a stretch of it: then
    // sender and receiver work on different cache lines again instead of
    // trading one line per message. False if the stretch did not free up in
    // time (the caller backs off and parks as usual).
    bool wait_for_room(std::size_t tail) const noexcept {
        // The stamp that slot gets when freed for this lap is its position.
        const std::size_t free = advance(tail, cap_ / 4);  // tuned on scripts/bench: 1/2 and 1/8 do worse
        const std::atomic<std::size_t>& stamp = buffer_[free & (mark_bit_ - 1)].stamp;
        for (int i = 0; i < 256; ++i) {
            if ((stamp.load(std::memory_order_acquire) & ~hole_bit()) == free) return true;
            pause_cpu();
        }
        return false;
    }

    // The position (lap | index) `k` < cap_ slots after `pos`: later in the
    // same lap, or wrapped round into the next.
    std::size_t advance(std::size_t pos, std::size_t k = 1) const noexcept {
        const std::size_t index = (pos & (mark_bit_ - 1)) + k;
        const std::size_t lap = pos & ~(one_lap_ - 1);
        return index < cap_ ? lap | index : (lap + one_lap_) | (index - cap_);
    }

    void write(slot& s, T& v, std::size_t stamp) {
        fill_slot(s.msg, v, [&](bool threw) {
            s.stamp.store(threw ? stamp | hole_bit() : stamp, std::memory_order_release);
            receiver_.notify_all();
        });
    }

    // A written slot's stamp with this bit set holds no message (its sender's
    // move threw). Free in every stamp: laps are multiples of one_lap_ =
    // 2 * mark_bit_ and an index + 1 is at most cap_ < mark_bit_.
    std::size_t hole_bit() const noexcept { return mark_bit_; }

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
