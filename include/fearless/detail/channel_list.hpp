// The unbounded channel: a linked list of blocks of slots, as crossbeam's
// `list` flavor (and Rust's std since 1.67), specialised for one consumer.
//
// Senders claim a slot with a CAS on the tail index, write the message, then
// set the slot's WRITE bit. Every 31 messages the sender that claims a block's
// last slot links in a fresh block; nothing else allocates. The receiver owns
// the head outright (one consumer), reads slots in order, waits for a claimed
// slot's WRITE bit if its sender is mid-write, and frees each block once it
// has read the block's last slot.
//
// Index layout (crossbeam's): bit 0 of the tail is MARK (disconnected); the
// rest counts positions, 32 per block, of which position 31 never holds a
// message: a tail parked there means "the next block is being installed".
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <type_traits>

#include "channel_common.hpp"
#include "config.hpp"

FEARLESS_BEGIN_HEADER

namespace fearless::detail {

template <class T>
class list_channel {
    static constexpr std::size_t shift = 1;
    static constexpr std::size_t mark = 1;
    static constexpr std::size_t lap = 32;
    static constexpr std::size_t block_cap = lap - 1;
    static constexpr std::size_t written = 1;  // slot state: the message is in place
    static constexpr std::size_t hole = 2;     // slot state: its sender's move threw; skip it

    struct slot {
        std::atomic<std::size_t> state{0};
        raw_slot<T> msg;
    };
    // Slots first: from a 16-aligned allocation four 16-byte slots fill each
    // cache line exactly (with `next` first, every fourth slot would straddle two).
    struct block {
        slot slots[block_cap];
        std::atomic<block*> next{nullptr};

        block* wait_next() noexcept {
            backoff b;
            for (;;) {
                if (block* n = next.load(std::memory_order_acquire)) return n;
                b.snooze();
            }
        }
    };

public:
    chan_counter counter;

    list_channel() : tail_index_(0), tail_block_(nullptr), head_index_(0), head_block_(new block) {
        tail_block_.store(head_block_, std::memory_order_relaxed);
    }
    list_channel(const list_channel&) = delete;
    list_channel& operator=(const list_channel&) = delete;

    // The receiver has drained or discarded every message by now.
    ~list_channel() {
        block* b = head_block_;
        while (b) {
            block* n = b->next.load(std::memory_order_relaxed);
            delete b;
            b = n;
        }
    }

    // False when the receiver is gone; `v` is then untouched.
    bool send(T& v) {
        backoff b;
        std::size_t tail = tail_index_.load(std::memory_order_acquire);
        block* blk = tail_block_.load(std::memory_order_acquire);
        block* next_block = nullptr;
        for (;;) {
            if (tail & mark) {
                delete next_block;
                return false;
            }
            std::size_t offset = (tail >> shift) % lap;
            if (offset == block_cap) {  // another sender is installing the next block
                FEARLESS_SCHEDULE_POINT(list_block_wait);
                b.snooze();
                tail = tail_index_.load(std::memory_order_acquire);
                blk = tail_block_.load(std::memory_order_acquire);
                continue;
            }
            // About to take the block's last slot: have the next block ready
            // before claiming, so the installing window stays short.
            if (offset + 1 == block_cap && next_block == nullptr) next_block = new block;

            if (tail_index_.compare_exchange_weak(tail, tail + (1 << shift), std::memory_order_seq_cst,
                                                  std::memory_order_acquire)) {
                if (offset + 1 == block_cap) {
                    FEARLESS_SCHEDULE_POINT(list_block_boundary);
                    tail_block_.store(next_block, std::memory_order_release);
                    tail_index_.fetch_add(1 << shift, std::memory_order_release);
                    FEARLESS_SCHEDULE_POINT(list_block_boundary);
                    blk->next.store(next_block, std::memory_order_release);
                    next_block = nullptr;
                }
                delete next_block;
                FEARLESS_SCHEDULE_POINT(list_claimed);
                write(blk->slots[offset], v);
                return true;
            }
            blk = tail_block_.load(std::memory_order_acquire);
            b.spin();
        }
    }

    chan_status try_recv(std::optional<T>& out) {
        for (;;) {
            slot& s = head_slot();
            // Every position below a tail once seen is claimed by a sender
            // (its message is in place or about to be), and a slot already
            // written was claimed too: the tail, the line every sender
            // writes, is read only when neither says a message is there.
            if ((head_index_ >> shift) >= (seen_tail_ >> shift) && !(s.state.load(std::memory_order_acquire) & written)) {
                seen_tail_ = tail_index_.load(std::memory_order_seq_cst);
                if ((head_index_ >> shift) == (seen_tail_ >> shift))
                    return (seen_tail_ & mark) ? chan_status::disconnected : chan_status::pending;
            }
            std::size_t state = wait_written(s);
            bool got = false;
            if (!(state & hole)) {
                s.msg.take(out);
                got = true;
            }
            advance_head();
            if (got) return chan_status::ok;
        }
    }

    chan_status recv(std::optional<T>& out, const steady_time* deadline) {
        // Waiting, it watches the slot the next message lands in: the line the
        // sender writes anyway, rather than the tail every sender claims on.
        return block_on(receiver_, [&] { return try_recv(out); }, deadline,
                        [&] { return (head_slot().state.load(std::memory_order_acquire) & written) != 0; });
    }

    void disconnect_senders() noexcept {
        tail_index_.fetch_or(mark, std::memory_order_seq_cst);
        receiver_.notify_all();
    }

    // Closes the channel to senders and destroys every queued message, each
    // exactly once; a sender caught mid-write is waited for.
    void disconnect_receiver() noexcept {
        tail_index_.fetch_or(mark, std::memory_order_seq_cst);
        FEARLESS_SCHEDULE_POINT(disconnect);
        backoff b;
        std::size_t tail = tail_index_.load(std::memory_order_acquire);
        while (((tail >> shift) % lap) == block_cap) {
            b.snooze();
            tail = tail_index_.load(std::memory_order_acquire);
        }
        while ((head_index_ >> shift) != (tail >> shift)) {
            slot& s = head_slot();
            if (!(wait_written(s) & hole)) s.msg.destroy();
            advance_head();
        }
    }

private:
    void write(slot& s, T& v) {
        // Only this sender ever writes the slot's state: a store, not a
        // read-modify-write (crossbeam's fetch_or serves its many consumers).
        fill_slot(s.msg, v, [&](bool threw) {
            s.state.store(threw ? written | hole : written, std::memory_order_release);
            receiver_.notify_all();
        });
    }

    // The slot the receiver reads next (head_block_ always holds it).
    slot& head_slot() noexcept { return head_block_->slots[(head_index_ >> shift) % lap]; }

    static std::size_t wait_written(slot& s) noexcept {
        backoff b;
        for (;;) {
            std::size_t state = s.state.load(std::memory_order_acquire);
            if (state & written) return state;
            b.snooze();
        }
    }

    // Steps past the slot just consumed; after a block's last slot, moves to
    // the next block (waiting for its installer to link it) and frees this one.
    void advance_head() noexcept {
        std::size_t offset = (head_index_ >> shift) % lap;
        head_index_ += 1 << shift;
        if (offset + 1 == block_cap) {
            FEARLESS_SCHEDULE_POINT(list_head_block);
            block* next = head_block_->wait_next();
            delete head_block_;
            head_block_ = next;
            head_index_ += 1 << shift;
        }
    }

    // Sender side: claimed by CAS.
    alignas(cache_line) std::atomic<std::size_t> tail_index_;
    std::atomic<block*> tail_block_;
    // Read by every sender (is the receiver parked?), written rarely.
    alignas(cache_line) event receiver_;
    // Receiver side: one consumer, no atomics needed.
    alignas(cache_line) std::size_t head_index_;
    block* head_block_;
    std::size_t seen_tail_ = 0;  // the tail as last read: positions below it hold messages
};

}  // namespace fearless::detail

FEARLESS_END_HEADER
