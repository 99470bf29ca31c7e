#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>

#include "run/pool.hpp"

using namespace fearless::check;

TEST_CASE("pool: every job runs once, done() on the calling thread", "[harness][pool]") {
    std::atomic<int> runs{0};
    std::set<std::size_t> done;
    auto caller = std::this_thread::get_id();
    bool done_on_caller = true;
    run_parallel(
        100, 4, [&](std::size_t) { ++runs; },
        [&](std::size_t i) {
            done.insert(i);
            done_on_caller = done_on_caller && std::this_thread::get_id() == caller;
        });
    CHECK(runs == 100);
    CHECK(done.size() == 100);
    CHECK(done_on_caller);
}

TEST_CASE("pool: zero jobs, more workers than jobs, an exception", "[harness][pool]") {
    run_parallel(
        0, 4, [](std::size_t) { FAIL("no job"); }, [](std::size_t) { FAIL("no job"); });
    int n = 0;
    run_parallel(
        2, 64, [](std::size_t) {}, [&](std::size_t) { ++n; });
    CHECK(n == 2);
    int reported = 0;
    CHECK_THROWS_AS(run_parallel(
                        10, 3,
                        [](std::size_t i) {
                            if (i == 5) throw std::runtime_error("job 5");
                        },
                        [&](std::size_t) { ++reported; }),
                    std::runtime_error);
    CHECK(reported == 10);  // the others still ran and were reported
}
