#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <map>
#include <set>

#include "run/shard.hpp"

using namespace fearless::check;

namespace {
std::vector<std::string> ids(int n, const std::string& prefix = "topic/case") {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i)
        for (const char* c : {"gcc-12", "clang-14", "clang-19", "clang-22"})
            out.push_back(fmt::format("{}{}|{}", prefix, i, c));
    return out;
}
}  // namespace

TEST_CASE("shard: K/N parses, anything else says what is wrong", "[harness][shard]") {
    auto s = parse_shard("2/3");
    REQUIRE(s);
    CHECK(s->index == 2);
    CHECK(s->count == 3);
    CHECK(shard_name(*s) == "2/3");
    for (const char* bad : {"", "3", "0/2", "3/2", "1/0", "a/2", "1/2x", "-1/2", "1//2"}) {
        std::string why;
        INFO(bad);
        CHECK_FALSE(parse_shard(bad, &why));
        CHECK(why.find("--shard") == 0);
    }
}

TEST_CASE("shard: the shards together hold every job exactly once", "[harness][shard]") {
    const auto all = ids(200);
    for (unsigned n : {1u, 2u, 3u, 5u, 8u}) {
        std::map<std::string, int> seen;
        for (unsigned k = 1; k <= n; ++k)
            for (const auto& id : all)
                if (in_shard(id, Shard{k, n})) ++seen[id];
        REQUIRE(seen.size() == all.size());
        for (const auto& [id, times] : seen) CHECK(times == 1);
    }
}

TEST_CASE("shard: a job keeps its shard when other cases are added or removed", "[harness][shard]") {
    // The split takes a job's id and N, never the suite: a job's shard is the
    // same in a suite of 100 cases as in one of 150 that lost 10 of them.
    const auto before = ids(100);
    std::map<std::string, unsigned> was;
    for (const auto& id : before) was[id] = shard_of(id, 4);
    auto after = ids(100);
    after.erase(after.begin(), after.begin() + 40);
    const auto added = ids(50, "new/case");
    after.insert(after.end(), added.begin(), added.end());
    for (const auto& id : after)
        if (auto it = was.find(id); it != was.end()) CHECK(shard_of(id, 4) == it->second);
    // Fixed values: every machine (and every build) computes the same split.
    CHECK(shard_of("send/rc|gcc-12", 2) == 1);
    CHECK(shard_of("send/rc|clang-22", 3) == 3);
    CHECK(shard_of("listings/16-14-rc-across-threads|clang-14", 4) == 1);
    std::set<unsigned> used;
    for (const auto& id : before) used.insert(shard_of(id, 4));
    CHECK(used == std::set<unsigned>{1, 2, 3, 4});
}

TEST_CASE("shard: going from N to N+1 shards moves only what the new shard takes", "[harness][shard]") {
    const auto all = ids(250);
    std::size_t moved = 0;
    for (const auto& id : all) {
        auto a = shard_of(id, 3), b = shard_of(id, 4);
        if (a != b) {
            ++moved;
            CHECK(b == 4);
        }
    }
    // About a quarter of the jobs move, all of them to the new shard.
    CHECK(moved > all.size() / 6);
    CHECK(moved < all.size() / 3);
}

TEST_CASE("shard: jobs spread evenly by count", "[harness][shard]") {
    const auto all = ids(250);  // 1000 jobs
    std::map<unsigned, int> per;
    for (const auto& id : all) ++per[shard_of(id, 4)];
    for (const auto& [k, n] : per) CHECK(std::abs(n - 250) < 50);
}
