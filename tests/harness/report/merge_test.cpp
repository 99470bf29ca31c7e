#include <catch2/catch.hpp>

#include "report/files.hpp"
#include "report/merge.hpp"

using namespace fearless::check;

namespace {
Result result(const std::string& c, const std::string& compiler, Status s) {
    auto r = decided(c, compiler, s, s == Status::fail ? "line 3: expected an error" : "",
                     s == Status::fail ? "-a\n+b\n" : "");
    r.duration = std::chrono::milliseconds(1250);
    r.commands = {"cd /r && g++ -fsyntax-only c.cpp"};
    return r;
}
LoadedReport shard(const std::vector<Result>& results, const std::string& name, long long ms) {
    return read_json_report(json_report(results, std::chrono::milliseconds(ms), name), "shard-" + name + ".json");
}
}  // namespace

TEST_CASE("merge: a JSON report reads back as it was written", "[harness][merge]") {
    auto r = shard({result("cases/a.cpp", "gcc-12", Status::pass), result("cases/b.cpp", "clang-14", Status::fail),
                    result("cases/c.cpp", "-", Status::skip)},
                   "1/2", 4000);
    CHECK(r.shard == "1/2");
    CHECK(r.total == std::chrono::milliseconds(4000));
    REQUIRE(r.results.size() == 3);
    CHECK(r.results[1].case_display == "cases/b.cpp");
    CHECK(r.results[1].compiler == "clang-14");
    CHECK(r.results[1].verdict.status == Status::fail);
    CHECK(r.results[1].verdict.reason == "line 3: expected an error");
    CHECK(r.results[1].verdict.details == "-a\n+b\n");
    CHECK(r.results[1].duration == std::chrono::milliseconds(1250));
    CHECK(r.results[2].verdict.status == Status::skip);
    CHECK(r.results[0].commands.size() == 1);
    // An unsharded report has no "shard".
    CHECK_FALSE(read_json_report(json_report({}, std::chrono::milliseconds(0)), "x.json").shard);
}

TEST_CASE("merge: shards merge into one run, the slowest shard's time", "[harness][merge]") {
    auto m = merge_reports({shard({result("cases/a.cpp", "gcc-12", Status::pass)}, "1/2", 3000),
                            shard({result("cases/a.cpp", "clang-14", Status::fail)}, "2/2", 5000)});
    CHECK(m.problems.empty());
    CHECK(m.results.size() == 2);
    CHECK(m.total == std::chrono::milliseconds(5000));
    auto s = summarize(m.results);
    CHECK(s.passed == 1);
    CHECK(s.failed == 1);
    // The merged report is an ordinary report again.
    auto again = read_json_report(json_report(m.results, m.total), "merged.json");
    CHECK(again.results.size() == 2);
    CHECK(junit_report(m.results, m.total).find("tests=\"2\" failures=\"1\"") != std::string::npos);
}

TEST_CASE("merge: a job in two reports, a missing or doubled shard is a problem", "[harness][merge]") {
    auto a = result("cases/a.cpp", "gcc-12", Status::pass);
    auto overlap = merge_reports({shard({a}, "1/2", 1), shard({a}, "2/2", 1)});
    REQUIRE(overlap.problems.size() == 1);
    CHECK(overlap.problems[0] ==
          "cases/a.cpp [gcc-12] is in both shard-1/2.json and shard-2/2.json: the reports overlap");
    CHECK(overlap.results.size() == 1);

    auto missing = merge_reports({shard({a}, "1/3", 1), shard({}, "3/3", 1)});
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0] == "shard 2/3 is missing: its jobs were not run");

    auto twice = merge_reports({shard({a}, "1/2", 1), shard({}, "1/2", 1), shard({}, "2/2", 1)});
    REQUIRE(twice.problems.size() == 1);
    CHECK(twice.problems[0].find("shard 1/2 is given twice") == 0);

    auto mixed = merge_reports({shard({a}, "1/2", 1), shard({}, "1/3", 1)});
    CHECK_FALSE(mixed.problems.empty());
}

TEST_CASE("merge: what is not a report is an error naming the file", "[harness][merge]") {
    CHECK_THROWS_WITH(read_json_report("{", "r.json"), Catch::StartsWith("r.json: not valid JSON"));
    CHECK_THROWS_WITH(read_json_report("[]", "r.json"), Catch::Contains("not a fearless-check --json report"));
    CHECK_THROWS_WITH(read_json_report(R"({"summary": {}, "results": [{"case": "a"}]})", "r.json"),
                      Catch::Contains("r.json: result 1 has no string"));
    CHECK_THROWS_WITH(
        read_json_report(
            R"({"summary": {}, "results": [{"case": "a", "compiler": "g", "status": "odd", "reason": "", "details": ""}]})",
            "r.json"),
        Catch::Contains("unknown status \"odd\""));
}
