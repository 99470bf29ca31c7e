// Randomized model tests of the three channel flavors (unbounded, bounded
// ring, rendezvous): random scripts of send / try_send / recv / try_recv /
// recv_timeout / clone / drop, checked against the channel's contract.
//
// One thread: every result must be the one a sequential model predicts (a
// queue, the live senders, whether the receiver lives, the capacity), and the
// channel holds exactly as many values as the model's queue.
//
// Several threads (senders and the receiver at once): what each observed is
// checked against the same contract afterwards:
//   - each producer's received values are its successful sends, in order: a
//     prefix of them if the receiver left early, all of them otherwise (and
//     always all for a rendezvous, where a successful send means received);
//   - a send fails only once the receiver is leaving, gives back the very
//     value it was given (SendResult::into_inner), and every later send fails;
//   - the receiver sees disconnection only once every sender is gone, and after
//     it nothing but disconnection;
//   - every value is destroyed exactly once.
//
// Seeded by FEARLESS_SCHEDULE_SEED (printed on failure); FEARLESS_MODEL_ROUNDS
// sets the rounds per test.
#include <fearless/mpsc.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "build_mode.hpp"
#include "counted.hpp"

using namespace fearless;

namespace {

struct Item : fearless_test::counted<Item> {
    std::uint32_t producer;
    std::uint32_t seq;
    Item(std::uint32_t p, std::uint32_t s) noexcept : producer(p), seq(s) {}
};

enum class flavor { unbounded, ring, rendezvous };

template <flavor F>
auto open_channel(std::size_t cap) {
    if constexpr (F == flavor::unbounded)
        return mpsc::channel<Item>();
    else
        return mpsc::sync_channel<Item>(F == flavor::rendezvous ? 0 : cap);
}

using rng = std::mt19937_64;

std::size_t pick(rng& r, std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(r); }

// Each round its own generator, from the seed, the flavor and the round.
rng round_rng(flavor f, long round) {
    std::seed_seq s{fearless_test::test_seed(), std::uint64_t(f), std::uint64_t(round)};
    return rng(s);
}

long rounds(long plain) {
    // Sanitizers and the schedule fuzzing hook make a round 10-50x slower.
    long fallback = fearless_test::schedule_fuzzed || fearless_test::sanitized ? plain / 5 : plain;
    return fearless_test::env_count("FEARLESS_MODEL_ROUNDS", fallback);
}

// try_send where asked and the handle has it (a SyncSender), else send.
template <class Tx>
mpsc::SendResult<Item> send_item(Tx& tx, [[maybe_unused]] bool use_try, Item v) {
    if constexpr (requires { tx.try_send(std::move(v)); })
        if (use_try) return tx.try_send(std::move(v));
    return tx.send(std::move(v));
}

// Runs `round` the number of times asked, each from its own generator.
template <flavor F>
void run_rounds(void (*round)(rng&), long plain) {
    Item::reset();
    for (long i = 0, n = rounds(plain); i < n; ++i) {
        INFO("replay: FEARLESS_SCHEDULE_SEED=" << fearless_test::test_seed() << " (flavor " << int(F) << ", round " << i << ")");
        rng r = round_rng(F, i);
        round(r);
    }
}

void require_every_item_destroyed_once() {
    REQUIRE(Item::live() == 0);
    REQUIRE(Item::destroyed_twice() == 0);
}

// --- one thread, against the sequential model --------------------------------

template <flavor F>
void sequential_round(rng& r) {
    const std::size_t cap = F == flavor::ring ? 1 + pick(r, 8) : 0;
    auto [tx0, rx0] = open_channel<F>(cap);
    using Tx = decltype(tx0);
    std::vector<Tx> txs;
    txs.push_back(std::move(tx0));
    std::optional<mpsc::Receiver<Item>> rx(std::move(rx0));

    std::deque<std::uint32_t> queue;  // the model: what the channel holds
    // Full: a send would block (a rendezvous always, with nobody receiving).
    auto full = [&] { return F != flavor::unbounded && queue.size() >= cap; };
    std::uint32_t seq = 0;

    const std::size_t steps = 1 + pick(r, 200);
    for (std::size_t step = 0; step < steps && (!txs.empty() || rx); ++step) {
        const std::size_t op = pick(r, 9);
        INFO("step " << step << " op " << op << " queued " << queue.size() << " senders " << txs.size()
                     << " receiver " << bool(rx));
        if (op <= 1 && !txs.empty()) {  // send where it would not block; else try_send
            Tx& tx = txs[pick(r, txs.size())];
            auto res = send_item(tx, op == 1 || (rx && full()), Item(0, seq));
            const bool expect_ok = rx && !full();
            REQUIRE(res.ok() == expect_ok);
            if (expect_ok) {
                queue.push_back(seq);
            } else {
                REQUIRE(res.is_disconnected() == !rx);
                REQUIRE(res.is_full() == bool(rx));
                REQUIRE(res.into_inner().seq == seq);
            }
            ++seq;
        } else if (op <= 4 && rx) {  // recv where it would not block; try_recv; recv_timeout
            std::optional<Item> got;
            bool disconnected = false;
            if (op == 2 && (!queue.empty() || txs.empty())) {
                got = rx->recv();
                disconnected = !got;
            } else if (op == 3) {
                auto m = rx->try_recv();
                disconnected = !m && m.error() == mpsc::TryRecvError::Disconnected;
                got = std::move(m).into_optional();
            } else {
                auto m = rx->recv_timeout(std::chrono::microseconds(pick(r, 3) * 100));
                disconnected = !m && m.error() == mpsc::RecvTimeoutError::Disconnected;
                got = std::move(m).into_optional();
            }
            if (!queue.empty()) {
                REQUIRE(got.has_value());
                REQUIRE(got->seq == queue.front());
                queue.pop_front();
            } else {
                REQUIRE_FALSE(got.has_value());
                REQUIRE(disconnected == txs.empty());
            }
        } else if (op == 5 && !txs.empty()) {
            Tx c = txs[pick(r, txs.size())].clone();
            txs.push_back(std::move(c));
        } else if (op <= 7 && !txs.empty()) {
            txs.erase(txs.begin() + std::ptrdiff_t(pick(r, txs.size())));
        } else if (op == 8 && rx && pick(r, 4) == 0) {
            rx.reset();  // destroys what it held
            queue.clear();
        }
        REQUIRE(Item::live() == long(queue.size()));
    }
    txs.clear();
    rx.reset();
    require_every_item_destroyed_once();
}

// --- several threads, against the contract ------------------------------------

// What the threads share: the model's count of live senders (lowered just
// before a handle is dropped, raised just before a clone) and whether the
// receiver is leaving (set just before it is dropped).
struct shared_state {
    std::atomic<long> live_senders{0};
    std::atomic<bool> receiver_leaving{false};
};

struct producer_log {
    std::vector<std::uint32_t> sent;  // seq of each successful send, in order
    std::vector<std::string> wrong;   // contract violations seen on this thread
};

template <flavor F, class Tx>
void produce(std::uint32_t p, std::uint64_t seed, Tx first, shared_state& st, producer_log& log) {
    rng r(seed);
    std::vector<Tx> mine;
    mine.push_back(std::move(first));
    bool disconnected = false;
    std::uint32_t seq = 0;
    const std::size_t steps = 1 + pick(r, 150);
    for (std::size_t step = 0; step < steps && !mine.empty(); ++step) {
        const std::size_t op = pick(r, 10);
        if (op < 6) {
            Tx& tx = mine[pick(r, mine.size())];
            const bool use_try = F != flavor::unbounded && op >= 4;
            auto res = send_item(tx, use_try, Item(p, seq));
            if (res.ok()) {
                if (disconnected) log.wrong.push_back("a send succeeded after one failed for disconnection");
                log.sent.push_back(seq);
            } else {
                if (res.is_disconnected()) {
                    if (!st.receiver_leaving.load()) log.wrong.push_back("a send failed while the receiver lived");
                    disconnected = true;
                } else if (!res.is_full() || !use_try || disconnected) {
                    log.wrong.push_back("a send failed as full, blocking or after disconnection");
                }
                Item back = res.into_inner();
                if (back.producer != p || back.seq != seq) log.wrong.push_back("into_inner gave back another value");
            }
            ++seq;
        } else if (op == 6) {
            st.live_senders.fetch_add(1);
            Tx c = mine[pick(r, mine.size())].clone();
            mine.push_back(std::move(c));
        } else if (op <= 8) {
            if (mine.size() > 1 || pick(r, 4) == 0) {
                st.live_senders.fetch_sub(1);
                mine.erase(mine.begin() + std::ptrdiff_t(pick(r, mine.size())));
            }
        } else if (pick(r, 2) == 0) {
            std::this_thread::yield();
        } else {
            std::this_thread::sleep_for(std::chrono::microseconds(pick(r, 50)));
        }
    }
    while (!mine.empty()) {
        st.live_senders.fetch_sub(1);
        mine.pop_back();
    }
}

template <flavor F>
void concurrent_round(rng& r) {
    const std::size_t cap = F == flavor::ring ? 1 + pick(r, 8) : 0;
    const auto producers = std::uint32_t(1 + pick(r, 4));
    auto [tx, rx] = open_channel<F>(cap);
    shared_state st;
    st.live_senders = producers + 1;  // the threads' handles and `tx`
    std::vector<producer_log> logs(producers);
    std::vector<std::thread> threads;
    for (std::uint32_t p = 0; p < producers; ++p)
        threads.emplace_back([p, seed = r(), h = tx.clone(), &st, &log = logs[p]]() mutable {
            produce<F>(p, seed, std::move(h), st, log);
        });
    st.live_senders.fetch_sub(1);
    { auto gone = std::move(tx); }

    std::vector<std::vector<std::uint32_t>> got(producers);
    std::vector<std::string> wrong;
    bool disconnected = false;
    auto take = [&](const Item& m) {
        if (disconnected) wrong.push_back("a message arrived after disconnection");
        if (m.producer < producers) got[m.producer].push_back(m.seq);
        else wrong.push_back("a message from no producer");
    };
    auto saw_disconnection = [&] {
        if (long n = st.live_senders.load(); n != 0)
            wrong.push_back("disconnection seen while " + std::to_string(n) + " senders lived");
        disconnected = true;
    };
    auto saw_nothing = [&] {
        if (disconnected) wrong.push_back("empty or timed out after disconnection");
    };

    const bool leave_early = pick(r, 3) == 0;
    const std::size_t steps = 1 + pick(r, 300);
    const std::size_t leave_at = pick(r, steps);
    for (std::size_t step = 0; step < steps && !(leave_early && step == leave_at); ++step) {
        const std::size_t op = pick(r, 10);
        if (op < 4) {
            if (auto m = rx.recv()) take(*m);
            else saw_disconnection();
        } else if (op < 7) {
            if (auto m = rx.try_recv()) take(*m);
            else if (m.error() == mpsc::TryRecvError::Disconnected) saw_disconnection();
            else saw_nothing();
        } else if (op < 9) {
            if (auto m = rx.recv_timeout(std::chrono::microseconds(pick(r, 300)))) take(*m);
            else if (m.error() == mpsc::RecvTimeoutError::Disconnected) saw_disconnection();
            else saw_nothing();
        } else {
            std::this_thread::sleep_for(std::chrono::microseconds(pick(r, 100)));
        }
    }
    if (!leave_early) {
        while (auto m = rx.recv()) take(*m);
        saw_disconnection();
        if (rx.try_recv().error() != mpsc::TryRecvError::Disconnected) wrong.push_back("disconnection did not last");
    }
    st.receiver_leaving = true;
    { auto gone = std::move(rx); }
    for (auto& t : threads) t.join();

    INFO("producers " << producers << " capacity " << cap << " receiver left early " << leave_early);
    for (auto& log : logs) wrong.insert(wrong.end(), log.wrong.begin(), log.wrong.end());
    for (const std::string& w : wrong) FAIL_CHECK(w);
    for (std::uint32_t p = 0; p < producers; ++p) {
        INFO("producer " << p);
        const auto& sent = logs[p].sent;
        REQUIRE(got[p].size() <= sent.size());
        REQUIRE(std::equal(got[p].begin(), got[p].end(), sent.begin()));
        if (!leave_early || F == flavor::rendezvous) REQUIRE(got[p].size() == sent.size());
    }
    REQUIRE(wrong.empty());
    require_every_item_destroyed_once();
}

}  // namespace

TEST_CASE("model: unbounded channel, one thread: every result as the model predicts", "[mpsc][model]") {
    run_rounds<flavor::unbounded>(sequential_round<flavor::unbounded>, 300);
}
TEST_CASE("model: bounded ring, one thread: every result as the model predicts", "[mpsc][model]") {
    run_rounds<flavor::ring>(sequential_round<flavor::ring>, 300);
}
TEST_CASE("model: rendezvous, one thread: every result as the model predicts", "[mpsc][model]") {
    run_rounds<flavor::rendezvous>(sequential_round<flavor::rendezvous>, 300);
}
TEST_CASE("model: unbounded channel, several threads: what they see keeps the contract", "[mpsc][model][stress]") {
    run_rounds<flavor::unbounded>(concurrent_round<flavor::unbounded>, 100);
}
TEST_CASE("model: bounded ring, several threads: what they see keeps the contract", "[mpsc][model][stress]") {
    run_rounds<flavor::ring>(concurrent_round<flavor::ring>, 100);
}
TEST_CASE("model: rendezvous, several threads: what they see keeps the contract", "[mpsc][model][stress]") {
    run_rounds<flavor::rendezvous>(concurrent_round<flavor::rendezvous>, 100);
}
