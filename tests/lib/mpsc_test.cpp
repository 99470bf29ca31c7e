// Runtime behaviour of mpsc channels: ordering, no loss, no duplicates,
// disconnection, hand-back of unsent values, exact destruction of queued
// messages, timeouts, and the fast paths (block boundaries, a full ring,
// parking and waking).
#include <fearless/mpsc.hpp>
#include <fearless/thread.hpp>

#include <catch2/catch.hpp>

#include "build_mode.hpp"
#include "counted.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using namespace fearless;
using namespace std::chrono_literals;

namespace mpsc_test {

using fearless_test::sanitized;

// Full-size stress runs in plain builds; sanitizers are ~10-50x slower.
constexpr std::uint32_t stress_count = sanitized ? 50'000 : 1'000'000;

// A stress message, counted: every one made is destroyed exactly once.
struct Msg : fearless_test::counted<Msg> {
    std::uint32_t producer;
    std::uint32_t seq;
    Msg(std::uint32_t p, std::uint32_t s) noexcept : producer(p), seq(s) {}
};

struct Counted : fearless_test::counted<Counted> {
    int v = 0;
    explicit Counted(int x) : v(x) {}
    Counted(Counted&& o) noexcept : v(o.v) {}
    Counted& operator=(Counted&&) = delete;
};

}  // namespace mpsc_test

// Msg is a class (its count), so it says itself that it may cross threads.
template <>
inline constexpr bool fearless::unsafe_impl_send<mpsc_test::Msg> = true;

namespace mpsc_test {

// Each producer's messages arrive in order, none lost or duplicated.
template <class Rx>
void check_per_producer_order(Rx& rx, std::uint32_t producers, std::uint32_t per_producer) {
    std::vector<std::uint32_t> next(producers, 0);
    std::uint64_t total = 0;
    bool in_order = true;
    while (auto m = rx.recv()) {
        if (m->producer >= producers || m->seq != next[m->producer]) in_order = false;
        else ++next[m->producer];
        ++total;
    }
    REQUIRE(in_order);
    REQUIRE(total == std::uint64_t(producers) * per_producer);
    for (auto n : next) REQUIRE(n == per_producer);
}

// After a stress test: every message made was destroyed, none twice.
inline void check_every_msg_destroyed_once() {
    REQUIRE(Msg::live() == 0);
    REQUIRE(Msg::destroyed_twice() == 0);
}

// `producers` threads each send Msg{p, 0..n-1} through a sync_channel(cap);
// every message arrives, in order per producer.
inline void through_sync_channel(std::size_t cap, std::uint32_t producers, std::uint32_t n) {
    auto [tx, rx] = mpsc::sync_channel<Msg>(cap);
    std::vector<thread::JoinHandle<void>> hs;
    for (std::uint32_t p = 0; p < producers; ++p)
        hs.push_back(thread::spawn(
            [](mpsc::SyncSender<Msg> tx, std::uint32_t p, std::uint32_t n) {
                for (std::uint32_t i = 0; i < n; ++i) tx.send(Msg{p, i}).unwrap();
            },
            tx.clone(), std::uint32_t(p), std::uint32_t(n)));
    { auto gone = std::move(tx); }
    check_per_producer_order(rx, producers, n);
    for (auto& h : hs) h.join();
    check_every_msg_destroyed_once();
}

}  // namespace mpsc_test
using namespace mpsc_test;

TEST_CASE("unbounded channel: 4 producers, nothing lost, duplicated or reordered", "[mpsc][stress]") {
    constexpr std::uint32_t producers = 4;
    auto [tx, rx] = mpsc::channel<Msg>();
    std::vector<thread::JoinHandle<void>> hs;
    for (std::uint32_t p = 0; p < producers; ++p)
        hs.push_back(thread::spawn(
            [](mpsc::Sender<Msg> tx, std::uint32_t p, std::uint32_t n) {
                for (std::uint32_t i = 0; i < n; ++i) tx.send(Msg{p, i}).unwrap();  // throws into join()
            },
            tx.clone(), std::uint32_t(p), std::uint32_t(stress_count)));
    { auto gone = std::move(tx); }
    check_per_producer_order(rx, producers, stress_count);
    for (auto& h : hs) h.join();
    check_every_msg_destroyed_once();
}

TEST_CASE("sync_channel: 4 producers through a ring of 4", "[mpsc][stress]") {
    through_sync_channel(4, 4, stress_count / 4);
}

TEST_CASE("sync_channel: senders wait for room on rings of every small size", "[mpsc][stress]") {
    // A sender that finds the ring full waits for a quarter of it to free up
    // (none of it for rings under 4) before it backs off and parks.
    const std::uint32_t n = stress_count / 50;
    for (std::size_t cap : {1, 2, 3, 4, 5, 8, 63, 1024}) {
        CAPTURE(cap);
        through_sync_channel(cap, 3, n);
    }
}

TEST_CASE("unbounded channel: a receiver that keeps catching up sees every burst, then the end", "[mpsc][stress]") {
    // The receiver reads the shared tail only when it reaches the last tail it
    // saw: bursts with pauses make it catch up (and park) again and again.
    constexpr std::uint32_t producers = 2, bursts = 20;
    const std::uint32_t burst = sanitized ? 100 : 1000;  // ~32 blocks a burst: boundaries too
    auto [tx, rx] = mpsc::channel<Msg>();
    std::vector<thread::JoinHandle<void>> hs;
    for (std::uint32_t p = 0; p < producers; ++p)
        hs.push_back(thread::spawn(
            [](mpsc::Sender<Msg> tx, std::uint32_t p, std::uint32_t burst) {
                for (std::uint32_t b = 0; b < bursts; ++b) {
                    for (std::uint32_t i = 0; i < burst; ++i) tx.send(Msg{p, b * burst + i}).unwrap();
                    thread::sleep(500us);
                }
            },
            tx.clone(), std::uint32_t(p), std::uint32_t(burst)));
    { auto gone = std::move(tx); }
    check_per_producer_order(rx, producers, bursts * burst);
    for (auto& h : hs) h.join();
    check_every_msg_destroyed_once();
}

TEST_CASE("sync_channel(1): a full ring under a slow receiver parks and wakes senders", "[mpsc]") {
    auto [tx, rx] = mpsc::sync_channel<Msg>(1);
    std::vector<thread::JoinHandle<void>> hs;
    for (std::uint32_t p = 0; p < 3; ++p)
        hs.push_back(thread::spawn(
            [](mpsc::SyncSender<Msg> tx, std::uint32_t p) {
                for (std::uint32_t i = 0; i < 200; ++i) tx.send(Msg{p, i}).unwrap();
            },
            tx.clone(), std::uint32_t(p)));
    { auto gone = std::move(tx); }
    std::vector<std::uint32_t> next(3, 0);
    std::uint32_t got = 0;
    while (auto m = rx.recv()) {
        REQUIRE(m->seq == next[m->producer]++);
        if (++got % 50 == 0) thread::sleep(2ms);  // let every sender park on the full ring
    }
    REQUIRE(got == 600);
    for (auto& h : hs) h.join();
    check_every_msg_destroyed_once();
}

TEST_CASE("rendezvous: send completes only when the receiver takes the value", "[mpsc]") {
    auto [tx, rx] = mpsc::sync_channel<int>(0);
    auto sent = std::make_shared<std::atomic<bool>>(false);
    auto h = thread::spawn(
        [](mpsc::SyncSender<int> tx, std::shared_ptr<std::atomic<bool>> sent) {
            tx.send(42).unwrap();
            sent->store(true);
        },
        std::move(tx), std::shared_ptr(sent));
    thread::sleep(20ms);
    REQUIRE_FALSE(sent->load());  // nobody received yet: the sender still waits
    REQUIRE(rx.recv() == 42);
    h.join();
    REQUIRE(sent->load());
    REQUIRE_FALSE(rx.recv().has_value());  // the sender is gone
}

TEST_CASE("rendezvous: many senders, every value handed over once", "[mpsc][stress]") {
    through_sync_channel(0, 4, sanitized ? 2'000 : 20'000);
}

TEST_CASE("rendezvous: try_send and try_recv need a waiting partner", "[mpsc]") {
    auto [tx, rx] = mpsc::sync_channel<int>(0);
    auto r = tx.try_send(1);
    REQUIRE(r.is_full());
    REQUIRE(r.into_inner() == 1);
    REQUIRE(rx.try_recv().error() == mpsc::TryRecvError::Empty);
    REQUIRE(rx.recv_timeout(5ms).error() == mpsc::RecvTimeoutError::Timeout);
}

TEST_CASE("send after the receiver is gone hands the value back", "[mpsc]") {
    SECTION("unbounded") {
        auto [tx, rx] = mpsc::channel<std::unique_ptr<int>>();
        { auto gone = std::move(rx); }
        auto r = tx.send(std::make_unique<int>(7));
        REQUIRE_FALSE(r.ok());
        REQUIRE_FALSE(r);
        REQUIRE(r.is_disconnected());
        REQUIRE(*r.into_inner() == 7);
        REQUIRE_THROWS_AS(tx.send(std::make_unique<int>(1)).unwrap(), std::runtime_error);
    }
    SECTION("bounded") {
        auto [tx, rx] = mpsc::sync_channel<std::unique_ptr<int>>(2);
        { auto gone = std::move(rx); }
        auto r = tx.send(std::make_unique<int>(8));
        REQUIRE(r.is_disconnected());
        REQUIRE(*r.into_inner() == 8);
        REQUIRE(tx.try_send(std::make_unique<int>(9)).is_disconnected());
    }
    SECTION("rendezvous") {
        auto [tx, rx] = mpsc::sync_channel<std::unique_ptr<int>>(0);
        { auto gone = std::move(rx); }
        auto r = tx.send(std::make_unique<int>(9));
        REQUIRE(*r.into_inner() == 9);
    }
    SECTION("a sender blocked on a full ring gets its value back when the receiver leaves") {
        auto [tx, rx] = mpsc::sync_channel<std::string>(1);
        tx.send(std::string("fills the ring")).unwrap();
        auto h = thread::spawn(
            [](mpsc::SyncSender<std::string> tx) { return tx.send(std::string("blocked")).into_inner(); },
            std::move(tx));
        thread::sleep(20ms);
        { auto gone = std::move(rx); }
        REQUIRE(h.join() == "blocked");
    }
    SECTION("a sender blocked in a rendezvous gets its value back when the receiver leaves") {
        auto [tx, rx] = mpsc::sync_channel<std::string>(0);
        auto h = thread::spawn(
            [](mpsc::SyncSender<std::string> tx) { return tx.send(std::string("waiting")).into_inner(); },
            std::move(tx));
        thread::sleep(20ms);
        { auto gone = std::move(rx); }
        REQUIRE(h.join() == "waiting");
    }
    SECTION("into_inner on a successful send throws") {
        auto [tx, rx] = mpsc::channel<int>();
        auto r = tx.send(1);
        REQUIRE(r.ok());
        REQUIRE(static_cast<bool>(r));
        REQUIRE_THROWS_AS(r.into_inner(), std::logic_error);
    }
}

TEST_CASE("a receiver dropped with queued messages destroys each exactly once", "[mpsc]") {
    for (std::size_t bound : {std::size_t(0), std::size_t(1), std::size_t(3), std::size_t(64), std::size_t(-1)}) {
        CAPTURE(bound);
        Counted::reset();
        const int queued = bound == 0 ? 0 : bound == std::size_t(-1) ? 100 : int(bound);  // 100 spans 4 blocks
        {
            if (bound == std::size_t(-1)) {
                auto [tx, rx] = mpsc::channel<Counted>();
                for (int i = 0; i < queued; ++i) tx.send(Counted(i)).unwrap();
                for (int i = 0; i < 10; ++i) REQUIRE(rx.recv()->v == i);  // some taken, the rest queued
                REQUIRE(Counted::live() == queued - 10);
            } else {
                auto [tx, rx] = mpsc::sync_channel<Counted>(bound);
                for (int i = 0; i < queued; ++i) tx.send(Counted(i)).unwrap();
                REQUIRE(Counted::live() == queued);
            }
        }
        REQUIRE(Counted::live() == 0);
    }
    SECTION("the receiver goes first, senders later") {
        Counted::reset();
        auto [tx, rx] = mpsc::channel<Counted>();
        for (int i = 0; i < 40; ++i) tx.send(Counted(i)).unwrap();
        { auto gone = std::move(rx); }
        REQUIRE(Counted::live() == 0);
        auto r = tx.send(Counted(99));  // handed back, not leaked
        REQUIRE(r.into_inner().v == 99);
    }
    REQUIRE(Counted::live() == 0);
}

TEST_CASE("try_recv tells empty from disconnected", "[mpsc]") {
    auto check = [](auto tx, auto rx) {
        REQUIRE(rx.try_recv().error() == mpsc::TryRecvError::Empty);
        tx.send(5).unwrap();
        auto m = rx.try_recv();
        REQUIRE(m.ok());
        REQUIRE(*m == 5);
        REQUIRE(rx.try_recv().error() == mpsc::TryRecvError::Empty);
        tx.send(6).unwrap();
        { auto gone = std::move(tx); }
        REQUIRE(rx.try_recv().value() == 6);  // queued messages still arrive after the senders left
        auto d = rx.try_recv();
        REQUIRE_FALSE(d);
        REQUIRE(d.error() == mpsc::TryRecvError::Disconnected);
        REQUIRE_FALSE(rx.recv().has_value());
    };
    SECTION("unbounded") {
        auto [tx, rx] = mpsc::channel<int>();
        check(std::move(tx), std::move(rx));
    }
    SECTION("bounded") {
        auto [tx, rx] = mpsc::sync_channel<int>(2);
        check(std::move(tx), std::move(rx));
    }
}

TEST_CASE("recv_timeout: times out, delivers, reports disconnection", "[mpsc]") {
    auto [tx, rx] = mpsc::channel<int>();
    auto t0 = std::chrono::steady_clock::now();
    auto r = rx.recv_timeout(30ms);
    auto waited = std::chrono::steady_clock::now() - t0;
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error() == mpsc::RecvTimeoutError::Timeout);
    REQUIRE(waited >= 30ms);
    REQUIRE(waited < 5s);

    auto h = thread::spawn(
        [](mpsc::Sender<int> tx) {
            thread::sleep(20ms);
            tx.send(3).unwrap();
        },
        tx.clone());
    auto got = rx.recv_timeout(10s);
    REQUIRE(got.ok());
    REQUIRE(*got == 3);
    h.join();

    { auto gone = std::move(tx); }
    REQUIRE(rx.recv_timeout(10s).error() == mpsc::RecvTimeoutError::Disconnected);
    REQUIRE(rx.recv_timeout(0ms).error() == mpsc::RecvTimeoutError::Disconnected);

    auto [stx, srx] = mpsc::sync_channel<int>(4);
    REQUIRE(srx.recv_timeout(5ms).error() == mpsc::RecvTimeoutError::Timeout);
    stx.send(1).unwrap();
    REQUIRE(srx.recv_timeout(std::chrono::hours::max()).value() == 1);
}

TEST_CASE("a receiver blocked in recv wakes when the last sender leaves", "[mpsc]") {
    for (std::size_t bound : {std::size_t(0), std::size_t(2), std::size_t(-1)}) {
        CAPTURE(bound);
        auto run = [](auto tx, auto rx) {
            auto h = thread::spawn(
                [](auto tx) {
                    thread::sleep(20ms);
                    auto gone = std::move(tx);
                },
                std::move(tx));
            REQUIRE_FALSE(rx.recv().has_value());
            h.join();
        };
        if (bound == std::size_t(-1)) {
            auto [tx, rx] = mpsc::channel<int>();
            run(std::move(tx), std::move(rx));
        } else {
            auto [tx, rx] = mpsc::sync_channel<int>(bound);
            run(std::move(tx), std::move(rx));
        }
    }
}

TEST_CASE("block boundaries under contention: slots 30/31 claimed concurrently", "[mpsc][stress]") {
    // Many short bursts so the block-installation path races often; the
    // receiver keeps pace so blocks are freed while senders install new ones.
    const std::uint32_t rounds = sanitized ? 20 : 200;
    for (std::uint32_t round = 0; round < rounds; ++round) {
        auto [tx, rx] = mpsc::channel<Msg>();
        std::vector<thread::JoinHandle<void>> hs;
        for (std::uint32_t p = 0; p < 4; ++p)
            hs.push_back(thread::spawn(
                [](mpsc::Sender<Msg> tx, std::uint32_t p) {
                    for (std::uint32_t i = 0; i < 31 * 7; ++i) tx.send(Msg{p, i}).unwrap();
                },
                tx.clone(), std::uint32_t(p)));
        { auto gone = std::move(tx); }
        check_per_producer_order(rx, 4, 31 * 7);
        for (auto& h : hs) h.join();
        check_every_msg_destroyed_once();
    }
}

TEST_CASE("range-for over the receiver ends when every sender is gone", "[mpsc]") {
    auto [tx, rx] = mpsc::channel<std::string>();
    auto h = thread::spawn(
        [](mpsc::Sender<std::string> tx) {
            for (const char* w : {"a", "b", "c"}) tx.send(std::string(w)).unwrap();
        },
        std::move(tx));
    std::string all;
    for (std::string s : rx) all += s;
    REQUIRE(all == "abc");
    h.join();
}

TEST_CASE("a channel closes when its producing thread finishes, while the JoinHandle is held", "[mpsc][thread]") {
    auto [tx, rx] = mpsc::channel<int>();
    auto h = thread::spawn([](mpsc::Sender<int> tx) { tx.send(1).unwrap(); }, std::move(tx));
    REQUIRE(rx.recv() == 1);
    REQUIRE_FALSE(rx.recv().has_value());  // returns: the Sender died with the thread's work
    REQUIRE(rx.recv_timeout(1s).error() == mpsc::RecvTimeoutError::Disconnected);
    h.join();
}

TEST_CASE("clones, moves and moved-from handles", "[mpsc]") {
    auto [tx, rx] = mpsc::channel<int>();
    auto tx2 = tx.clone();
    mpsc::Sender<int> tx3 = std::move(tx);
    tx2.send(1).unwrap();
    tx3.send(2).unwrap();
    mpsc::Receiver<int> rx2 = std::move(rx);
    REQUIRE(rx2.recv() == 1);
    REQUIRE(rx2.recv() == 2);
    tx3 = tx2.clone();  // assigning drops the old sender
    { auto a = std::move(tx2); }
    { auto b = std::move(tx3); }
    REQUIRE_FALSE(rx2.recv().has_value());
}

namespace mpsc_test {
struct ThrowingMove {
    static inline bool fail = false;
    int v;
    explicit ThrowingMove(int x) : v(x) {}
    ThrowingMove(ThrowingMove&& o) : v(o.v) {
        if (fail) throw std::runtime_error("move failed");
    }
};
}  // namespace mpsc_test

TEST_CASE("a throwing move leaves the channel consistent", "[mpsc]") {
    auto check = [](auto tx, auto rx) {
        ThrowingMove::fail = false;
        tx.send(ThrowingMove(1)).unwrap();
        ThrowingMove::fail = true;
        REQUIRE_THROWS_AS(tx.send(ThrowingMove(2)), std::runtime_error);
        ThrowingMove::fail = false;
        tx.send(ThrowingMove(3)).unwrap();
        ThrowingMove::fail = true;  // a move out that throws takes nothing from the channel
        REQUIRE_THROWS_AS(rx.recv(), std::runtime_error);
        ThrowingMove::fail = false;
        REQUIRE(rx.recv()->v == 1);
        REQUIRE(rx.recv()->v == 3);
        REQUIRE(rx.try_recv().error() == mpsc::TryRecvError::Empty);
    };
    SECTION("unbounded") {
        auto [tx, rx] = mpsc::channel<ThrowingMove>();
        check(std::move(tx), std::move(rx));
    }
    SECTION("bounded") {
        auto [tx, rx] = mpsc::sync_channel<ThrowingMove>(4);
        check(std::move(tx), std::move(rx));
    }
}
