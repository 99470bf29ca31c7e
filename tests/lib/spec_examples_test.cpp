// Every example of SPEC §3, compiled and run as written there: the contract
// stays true only while this file builds and passes.
#include <fearless/fearless.hpp>

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace fearless;

namespace spec {
struct Mine {
  private:
    int state_ = 0;

  public:
    int state() const { return state_; }
};
}  // namespace spec

template <>
inline constexpr bool fearless::unsafe_impl_send<spec::Mine> = true;
template <>
inline constexpr bool fearless::unsafe_impl_sync<spec::Mine> = true;

static_assert(Send<spec::Mine> && Sync<spec::Mine>);

TEST_CASE("SPEC §3: Rc and Arc clone explicitly and count", "[spec]") {
    Rc<int> r = make_rc<int>(5);
    Rc<int> r2 = r.clone();
    CHECK(*r == 5);
    CHECK(r.strong_count() == 2);
    Arc<int> a = make_arc<int>(5);
    Arc<int> a2 = a.clone();
    CHECK(*a == 5);
    CHECK(a.strong_count() == 2);
    auto s = make_arc<std::string>("hi");
    CHECK(s->size() == 2);
}

TEST_CASE("SPEC §3: Mutex owns its data and prints like Rust", "[spec]") {
    Mutex<int> m{5};
    Mutex m2{5};
    static_assert(std::is_same_v<decltype(m2), Mutex<int>>);
    auto shared = make_arc<Mutex<int>>(0);
    {
        auto g = m.lock();
        static_assert(std::is_same_v<decltype(g), MutexGuard<int>>);
        *g = 6;
    }
    std::ostringstream out;
    out << m;
    CHECK(out.str() == "Mutex { data: 6, poisoned: false, .. }");
    CHECK(m.try_lock());
    CHECK_FALSE(m.is_poisoned());
    const Mutex<int>& cm = m;
    CHECK(*cm.lock() == 6);
    CHECK(*shared->lock() == 0);
}

TEST_CASE("SPEC §3: threads own their data, scoped threads borrow", "[spec]") {
    std::vector<int> v{1, 2, 3};
    auto h = thread::spawn([](std::vector<int> v) { return v.size(); }, std::move(v));
    std::size_t n = h.join();
    CHECK(n == 3);

    std::vector<int> w{1, 2, 3, 4};
    std::size_t seen = 0;
    Mutex<std::size_t> total{0};
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const std::vector<int>& v, const Mutex<std::size_t>& t) { *t.lock() += v.size(); },
                std::cref(w), std::cref(total));
    });
    seen = *total.lock();
    CHECK(seen == 4);
    thread::sleep(std::chrono::milliseconds(1));
}

TEST_CASE("SPEC §3: mpsc channels move values", "[spec]") {
    auto [tx, rx] = mpsc::channel<std::string>();
    auto [stx, srx] = mpsc::sync_channel<int>(16);
    std::string val = "hello";
    auto res = tx.send(std::move(val));
    CHECK(res.ok());
    CHECK(static_cast<bool>(res));
    auto tx2 = tx.clone();
    CHECK(tx2.send(std::string("again")).ok());
    std::optional<std::string> got = rx.recv();
    REQUIRE(got);
    CHECK(*got == "hello");
    CHECK(stx.send(7).ok());
    CHECK(srx.recv() == std::optional<int>(7));
    CHECK(rx.try_recv());
    CHECK_FALSE(rx.recv_timeout(std::chrono::milliseconds(10)));
    {
        auto drop = std::move(tx);
        auto drop2 = std::move(tx2);
    }
    std::vector<std::string> rest;
    for (std::string s : rx) rest.push_back(s);
    CHECK(rest.empty());

    // The receiver is gone: the value comes back, nothing is lost.
    auto [tx3, rx3] = mpsc::channel<std::string>();
    { auto gone = std::move(rx3); }
    auto back = tx3.send(std::string("kept"));
    CHECK_FALSE(back.ok());
    CHECK(back.into_inner() == "kept");
}

TEST_CASE("SPEC §3: send works through a const Sender&, a const guard gives const T&", "[spec]") {
    auto [tx, rx] = mpsc::channel<int>();
    const mpsc::Sender<int>& shared = tx;
    thread::scope([&](thread::Scope& s) {
        s.spawn([](const mpsc::Sender<int>& t) { t.send(1); }, std::cref(shared));
        s.spawn([](const mpsc::Sender<int>& t) { t.send(2); }, std::cref(shared));
    });
    CHECK(*rx.recv() + *rx.recv() == 3);

    Mutex<int> m{5};
    auto g = m.lock();
    const MutexGuard<int>& cg = g;
    static_assert(std::is_same_v<decltype(*cg), const int&> && std::is_same_v<decltype(*g), int&>);
    static_assert(std::is_same_v<decltype(cg.get()), const int*>);
    CHECK(*cg == 5);
}

TEST_CASE("SPEC §3: a vector of string_views moves into a scoped thread", "[spec]") {
    std::string a = "alpha", b = "beta";
    std::vector<std::string_view> words{a, b};
    std::size_t n = thread::scope([&](thread::Scope& s) {
        return s.spawn([](std::vector<std::string_view> w) { return w.size(); }, std::move(words)).join();
    });
    CHECK(n == 2);
}
