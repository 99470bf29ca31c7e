// Runtime behaviour of thread::spawn, JoinHandle, thread::scope and sleep.
#include <fearless/mpsc.hpp>
#include <fearless/mutex.hpp>
#include <fearless/thread.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace fearless;
using namespace std::chrono_literals;

namespace thread_test {  // named: Send/Sync reflection of aggregates needs types with linkage

int twice(int x) { return 2 * x; }

struct Adder {  // a Send functor type: an aggregate of Send fields
    int base;
    int operator()(int x) const { return base + x; }
};

// Records the thread its destructor runs on.
struct Witness {
    std::shared_ptr<std::atomic<std::thread::id>> died_on;
    Witness(std::shared_ptr<std::atomic<std::thread::id>> p) : died_on(std::move(p)) {}
    Witness(Witness&&) noexcept = default;
    ~Witness() {
        if (died_on) died_on->store(std::this_thread::get_id());
    }
};

}  // namespace thread_test
using namespace thread_test;

template <>
inline constexpr bool fearless::unsafe_impl_send<Witness> = true;

TEST_CASE("spawn returns the result through join", "[thread]") {
    std::vector<int> v{1, 2, 3};
    auto h = thread::spawn([](std::vector<int> v) { return v.size(); }, std::move(v));
    REQUIRE(h.join() == 3u);

    REQUIRE(thread::spawn(twice, 21).join() == 42);
    REQUIRE(thread::spawn(&twice, 5).join() == 10);
    REQUIRE(thread::spawn(Adder{40}, 2).join() == 42);
    REQUIRE(thread::spawn([](std::string a, std::string b) { return a + b; }, std::string("ab"), std::string("cd"))
                .join() == "abcd");
    auto moved = thread::spawn([](std::unique_ptr<int> p) { return p; }, std::make_unique<int>(9)).join();
    REQUIRE(*moved == 9);
}

TEST_CASE("JoinHandle<void> and is_finished", "[thread]") {
    auto flag = std::make_shared<std::atomic<int>>(0);
    auto h = thread::spawn([](std::shared_ptr<std::atomic<int>> f) { f->store(1); }, std::shared_ptr(flag));
    static_assert(std::is_same_v<decltype(h), thread::JoinHandle<void>>);
    h.join();
    REQUIRE(flag->load() == 1);
    REQUIRE(h.is_finished());

    auto [tx, rx] = mpsc::channel<int>();
    auto slow = thread::spawn([](mpsc::Receiver<int> rx) { rx.recv(); }, std::move(rx));
    REQUIRE_FALSE(slow.is_finished());
    tx.send(1).unwrap();
    slow.join();
}

TEST_CASE("join rethrows what the thread threw", "[thread]") {
    auto h = thread::spawn([](int x) -> int { throw std::runtime_error("boom " + std::to_string(x)); }, 7);
    REQUIRE_THROWS_WITH(h.join(), "boom 7");

    auto v = thread::spawn([] { throw 5; });
    REQUIRE_THROWS_AS(v.join(), int);
}

TEST_CASE("a second join throws std::logic_error", "[thread]") {
    auto h = thread::spawn([] { return 1; });
    REQUIRE(h.join() == 1);
    REQUIRE_THROWS_AS(h.join(), std::logic_error);
}

TEST_CASE("a dropped handle detaches, the thread still runs to the end", "[thread]") {
    auto [tx, rx] = mpsc::channel<int>();
    thread::spawn([](mpsc::Sender<int> tx) {
        thread::sleep(10ms);
        tx.send(5).unwrap();
    }, std::move(tx));
    REQUIRE(rx.recv() == 5);
    REQUIRE_FALSE(rx.recv().has_value());
}

TEST_CASE("arguments and f are destroyed on the spawned thread as soon as f returns", "[thread]") {
    auto died_on = std::make_shared<std::atomic<std::thread::id>>();
    auto [tx, rx] = mpsc::channel<std::thread::id>();
    auto [gate_tx, gate_rx] = mpsc::channel<int>();
    auto h = thread::spawn(
        [](Witness, mpsc::Sender<std::thread::id> tx, mpsc::Receiver<int> gate) {
            tx.send(std::this_thread::get_id()).unwrap();
            gate.recv();  // hold the thread until the test lets go
        },
        Witness(died_on), std::move(tx), std::move(gate_rx));
    auto worker = rx.recv();
    REQUIRE(worker.has_value());
    REQUIRE_FALSE(rx.recv_timeout(10ms).ok());  // still running: the Sender is alive
    gate_tx.send(1).unwrap();
    REQUIRE_FALSE(rx.recv().has_value());       // f returned: its Sender is gone, handle still held
    // The arguments die one after another once f returns, the Sender perhaps
    // first: wait (bounded) for the Witness too, still without joining.
    for (int i = 0; i < 5000 && died_on->load() == std::thread::id{}; ++i) std::this_thread::sleep_for(1ms);
    REQUIRE(died_on->load() == *worker);
    REQUIRE(died_on->load() != std::this_thread::get_id());
    h.join();
}

TEST_CASE("moving and reassigning JoinHandles", "[thread]") {
    auto a = thread::spawn([] { return 1; });
    auto b = std::move(a);
    REQUIRE(b.join() == 1);
    auto c = thread::spawn([] { return 2; });
    c = thread::spawn([] { return 3; });  // the first thread is detached
    REQUIRE(c.join() == 3);
    std::vector<thread::JoinHandle<int>> hs;
    for (int i = 0; i < 8; ++i) hs.push_back(thread::spawn([](int i) { return i * i; }, int(i)));
    int sum = 0;
    for (auto& h : hs) sum += h.join();
    REQUIRE(sum == 140);
}

TEST_CASE("scope joins every thread before returning", "[thread][scope]") {
    std::vector<int> data{1, 2, 3, 4};
    Mutex<int> total{0};
    thread::scope([&](thread::Scope& s) {
        for (int i = 0; i < 4; ++i)
            s.spawn(
                [](const std::vector<int>& d, const Mutex<int>& t, int i) {
                    thread::sleep(5ms);
                    *t.lock() += d[i];
                },
                std::cref(data), std::cref(total), int(i));
    });
    REQUIRE(*total.lock() == 10);
}

TEST_CASE("scope returns its body's value, scoped handles join early", "[thread][scope]") {
    std::string text = "fearless";
    auto n = thread::scope([&](thread::Scope& s) {
        auto h = s.spawn([](const std::string& t) { return t.size(); }, std::cref(text));
        auto v = s.spawn([](std::string_view sv) { return std::string(sv.substr(0, 4)); }, std::string_view(text));
        REQUIRE(v.join() == "fear");
        return h.join();
    });
    REQUIRE(n == 8u);
}

TEST_CASE("scope rethrows the first unjoined exception after joining all", "[thread][scope]") {
    auto finished = std::make_shared<std::atomic<int>>(0);
    REQUIRE_THROWS_WITH(thread::scope([&](thread::Scope& s) {
                            s.spawn([] {
                                thread::sleep(5ms);
                                throw std::runtime_error("first");
                            });
                            s.spawn([] {
                                thread::sleep(10ms);
                                throw std::runtime_error("second");
                            });
                            s.spawn(
                                [](std::shared_ptr<std::atomic<int>> f) {
                                    thread::sleep(30ms);
                                    f->fetch_add(1);
                                },
                                std::shared_ptr(finished));
                        }),
                        "first");
    REQUIRE(finished->load() == 1);  // the slow thread was joined before the rethrow

    // A thread's exception taken by join() is not rethrown by scope.
    REQUIRE_NOTHROW(thread::scope([](thread::Scope& s) {
        auto h = s.spawn([] { throw 1; });
        REQUIRE_THROWS_AS(h.join(), int);
    }));

    // The body's own exception wins, after the threads are joined.
    auto done = std::make_shared<std::atomic<int>>(0);
    REQUIRE_THROWS_WITH(thread::scope([&](thread::Scope& s) {
                            s.spawn(
                                [](std::shared_ptr<std::atomic<int>> d) {
                                    thread::sleep(20ms);
                                    d->store(1);
                                },
                                std::shared_ptr(done));
                            throw std::runtime_error("body");
                        }),
                        "body");
    REQUIRE(done->load() == 1);
}

TEST_CASE("scoped threads share a Mutex through std::cref", "[thread][scope]") {
    Mutex<long> counter{0};
    thread::scope([&](thread::Scope& s) {
        for (int t = 0; t < 8; ++t)
            s.spawn(
                [](const Mutex<long>& c) {
                    for (int i = 0; i < 10'000; ++i) *c.lock() += 1;
                },
                std::cref(counter));
    });
    REQUIRE(*counter.lock() == 80'000);
}

TEST_CASE("sleep waits at least the duration", "[thread]") {
    auto t0 = std::chrono::steady_clock::now();
    thread::sleep(15ms);
    REQUIRE(std::chrono::steady_clock::now() - t0 >= 15ms);
    thread::yield_now();
}
