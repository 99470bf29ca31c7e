// Under the schedule fuzzing hook: the workloads of the primitives reach every
// schedule point, so none was left out when a primitive changed, and a stress
// run under the hook does perturb each hand-off it names.
#include <fearless/arc.hpp>
#include <fearless/detail/schedule_point.hpp>
#include <fearless/mpsc.hpp>
#include <fearless/mutex.hpp>

#include <catch2/catch.hpp>

#if defined(FEARLESS_SCHEDULE_FUZZ)

#include <chrono>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

using namespace fearless;
using namespace std::chrono_literals;
namespace sched = fearless::detail::schedule;

namespace {

// Producers send `n` each through a channel the receiver drains slowly at
// times, then the receiver leaves before the last sender does.
template <class Tx, class Rx>
void channel_workload(Tx tx, Rx rx, int producers, int n) {
    std::vector<std::thread> ts;
    for (int p = 0; p < producers; ++p)
        ts.emplace_back([tx = tx.clone(), n]() mutable {
            for (int i = 0; i < n; ++i)
                if (!tx.send(int(i))) return;
        });
    for (int i = 0; i < producers * n / 2; ++i) {
        if (i % 64 == 0) std::this_thread::sleep_for(200us);  // lets the ring fill and the receiver park
        (void)rx.recv();
    }
    (void)rx.recv_timeout(1ms);
    { auto gone = std::move(rx); }
    for (auto& t : ts) t.join();
}

void rendezvous_workload() {
    auto [tx, rx] = mpsc::sync_channel<int>(0);
    (void)rx.recv_timeout(3ms);  // nobody sends: a timed-out rendezvous
    std::thread t([tx = std::move(tx)]() mutable {
        for (int i = 0; i < 50; ++i) (void)tx.send(int(i));
    });
    for (int i = 0; i < 50; ++i) (void)rx.recv();
    t.join();
}

void mutex_workload() {
    auto m = make_arc<Mutex<long>>(0);
    std::vector<std::thread> ts;
    for (int t = 0; t < 3; ++t)
        ts.emplace_back([m = m.clone()] {
            for (int i = 0; i < 200; ++i) {
                auto g = m->lock();
                if (i % 50 == 0) std::this_thread::sleep_for(300us);  // long enough for the others to park
                ++*g;
            }
        });
    for (auto& t : ts) t.join();
    REQUIRE(*m->lock() == 600);
}

bool every_point_reached() {
    for (std::size_t i = 0; i < std::size_t(sched::site::count); ++i)
        if (sched::hits(sched::site(i)) == 0) return false;
    return true;
}

}  // namespace

TEST_CASE("schedule fuzzing: the primitives' workloads reach every schedule point", "[schedule]") {
    // Some points need a rare schedule (a sender meeting another mid-install):
    // repeat until all are reached, within a bound.
    for (int round = 0; round < 100 && !every_point_reached(); ++round) {
        {
            auto [tx, rx] = mpsc::channel<int>();
            channel_workload(std::move(tx), std::move(rx), 4, 200);
        }
        {
            auto [tx, rx] = mpsc::sync_channel<int>(4);
            channel_workload(std::move(tx), std::move(rx), 3, 200);
        }
        rendezvous_workload();
        mutex_workload();
    }
    for (std::size_t i = 0; i < std::size_t(sched::site::count); ++i) {
        INFO("schedule point " << sched::site_names[i]);
        CHECK(sched::hits(sched::site(i)) > 0);
    }
}

#else

TEST_CASE("schedule fuzzing: compiled out without FEARLESS_SCHEDULE_FUZZ", "[schedule]") {
    // In a normal build the hook is nothing: it does not even look at its site.
    FEARLESS_SCHEDULE_POINT(no_such_site);
    SUCCEED();
}

#endif
