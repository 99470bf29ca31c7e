// A base for test values that counts them: how many are alive, and whether
// any was destroyed twice. A test that ends with live() == 0 and no double
// destruction has destroyed every value it made exactly once.
//
// Each thread counts its own constructions and destructions and hands the
// balance over when it exits: one shared counter would make every message
// of a stress test a contended atomic and change what the test measures.
#pragma once

#include <atomic>
#include <cstdint>

namespace fearless_test {

template <class Tag>
class counted {
public:
    counted() noexcept { ++balance.n; }
    counted(const counted&) noexcept : counted() {}
    counted& operator=(const counted&) noexcept { return *this; }
    ~counted() {
        if (canary_ != alive) destroyed_twice_.fetch_add(1, std::memory_order_relaxed);
        canary_ = 0;
        --balance.n;
    }

    // Values alive: exact once every other thread that made or destroyed
    // some has exited (joined).
    static long live() noexcept { return exited_.load(std::memory_order_relaxed) + balance.n; }
    static long destroyed_twice() noexcept { return destroyed_twice_.load(std::memory_order_relaxed); }
    static void reset() noexcept {
        exited_ = 0;
        balance.n = 0;
        destroyed_twice_ = 0;
    }

private:
    struct thread_balance {
        long n = 0;
        ~thread_balance() { exited_.fetch_add(n, std::memory_order_relaxed); }
    };
    static constexpr std::uint32_t alive = 0xa11fe;
    static inline std::atomic<long> exited_{0};
    static inline thread_local thread_balance balance;
    static inline std::atomic<long> destroyed_twice_{0};
    // volatile: the store in the destructor must happen although the object
    // dies, so that a second destructor call finds it.
    volatile std::uint32_t canary_ = alive;
};

}  // namespace fearless_test
