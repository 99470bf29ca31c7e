// Scaling out, end to end with the built tool: --shard splits the jobs so that
// the shards together run each exactly once and their reports merge, and
// --launcher puts a launcher before every compile without changing a verdict
// or the result cache, while a launcher that fails is named as the failure.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

using namespace fearless::check;

namespace {

using fixtures::count_of;
using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;

const std::filesystem::path tool = FEARLESS_CHECK_EXE;
const std::filesystem::path good = fixtures::dir() / "suites" / "good";

ProcessResult run_tool(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), {tool.string(), "--compiler", "g++", "--compiler", "clang++"});
    env["NO_COLOR"] = "1";
    // The result cache goes to the build tree, never into the fixtures (unless a test names one).
    env["XDG_CACHE_HOME"] = (tool.parent_path() / "integration-cache").string();
    Limits limits;
    limits.timeout = std::chrono::minutes(5);
    return run_process(Command{args, good, env, {}}, limits);
}

// "cases/x.cpp  [gcc-12]" of each job line of --list (malformed cases included).
std::multiset<std::string> listed(const std::string& out) {
    std::multiset<std::string> jobs;
    for (const auto& l : split_lines(out)) {
        if (starts_with(l, "shard ")) continue;
        auto end = l.find("]");
        if (end != std::string::npos) jobs.insert(l.substr(0, end + 1));
    }
    return jobs;
}

std::filesystem::path script(const std::filesystem::path& dir, const std::string& name, const std::string& body) {
    auto p = dir / name;
    write_file(p, "#!/bin/sh\n" + body);
    std::filesystem::permissions(p, std::filesystem::perms::owner_all);
    return p;
}

std::size_t lines_in(const std::filesystem::path& log) {
    auto text = read_file(log);
    return text ? split_lines(*text).size() : 0;
}

}  // namespace

TEST_CASE("integration: the shards together list every job exactly once", "[harness][integration][shard]") {
    auto all = run_tool({"--list"});
    REQUIRE(all.exit_code == 0);
    const auto every = listed(all.out);
    REQUIRE(every.size() > 20);
    for (unsigned n : {2u, 3u}) {
        std::multiset<std::string> together;
        for (unsigned k = 1; k <= n; ++k) {
            auto r = run_tool({"--list", "--shard", std::to_string(k) + "/" + std::to_string(n)});
            INFO(r.out << r.err);
            REQUIRE(r.exit_code == 0);
            CHECK(has_line(r.out, "shard " + std::to_string(k) + "/" + std::to_string(n) + R"(: \d+ jobs, .*)"));
            auto part = listed(r.out);
            CHECK(part.size() < every.size());
            together.insert(part.begin(), part.end());
        }
        CHECK(together == every);
    }
    auto bad = run_tool({"--list", "--shard", "3/2"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--shard 3/2: need 1 <= K <= N") != std::string::npos);
}

TEST_CASE("integration: shard reports merge into the whole run's", "[harness][integration][shard]") {
    TempDir tmp("fearless-check-shards");
    const auto cache = (tmp.path / "cache").string();
    auto whole = run_tool({"--cache-dir", cache, "--json", (tmp.path / "all.json").string()});
    INFO(whole.out << whole.err);
    REQUIRE(whole.exit_code == 0);
    for (const char* k : {"1", "2"}) {
        auto r = run_tool({"--cache-dir", cache, "--shard", std::string(k) + "/2", "--json",
                           (tmp.path / (std::string("s") + k + ".json")).string()});
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
    }
    auto merged =
        run_tool({"--merge-reports", (tmp.path / "s1.json").string(), (tmp.path / "s2.json").string(), "--json",
                  (tmp.path / "merged.json").string(), "--junit", (tmp.path / "merged.xml").string()});
    INFO(merged.out << merged.err);
    CHECK(merged.exit_code == 0);
    CHECK(last_line(whole.out) == last_line(merged.out));
    auto job_set = [&](const char* file) {
        std::set<std::pair<std::string, std::string>> s;
        for (const auto& r : nlohmann::json::parse(*read_file(tmp.path / file))["results"])
            s.insert({r["case"].get<std::string>() + " " + r["status"].get<std::string>(), r["compiler"]});
        return s;
    };
    CHECK(job_set("merged.json") == job_set("all.json"));
    CHECK(read_file(tmp.path / "merged.xml")->find("<testsuites name=\"fearless-check\"") != std::string::npos);

    auto one = run_tool({"--merge-reports", (tmp.path / "s1.json").string()});
    CHECK(one.exit_code == 2);
    CHECK(one.err.find("shard 2/2 is missing: its jobs were not run") != std::string::npos);
    auto twice = run_tool({"--merge-reports", (tmp.path / "s1.json").string(), (tmp.path / "s1.json").string(),
                           (tmp.path / "s2.json").string()});
    CHECK(twice.exit_code == 2);
    CHECK(twice.err.find("the reports overlap") != std::string::npos);
}

TEST_CASE("integration: a launcher runs every compile, and changes no verdict or cache key",
          "[harness][integration][launcher]") {
    TempDir tmp("fearless-check-launcher");
    const auto log = tmp.path / "launched.log";
    const auto launcher = script(tmp.path, "logging-launcher", "echo \"$*\" >> '" + log.string() + "'\nexec \"$@\"\n");
    const auto cache = (tmp.path / "cache").string();

    auto plain = run_tool({"--cache-dir", cache});
    INFO(plain.out << plain.err);
    REQUIRE(plain.exit_code == 0);
    // Warm, through the launcher: the compiler's identity is the cache's key, not the launcher's.
    auto warm = run_tool({"--cache-dir", cache, "--launcher", launcher.string()});
    CHECK(warm.exit_code == 0);
    CHECK(last_line(warm.out) == last_line(plain.out));
    CHECK(lines_in(log) == 0);

    auto cold = run_tool({"--no-cache", "--launcher", launcher.string(), "-v"});
    INFO(cold.out << cold.err);
    CHECK(cold.exit_code == 0);
    CHECK(last_line(cold.out) == last_line(plain.out));
    const auto text = read_file(log).value_or("");
    CHECK(count_of(text, "-x c++-header") >= 2);  // the PCH of each compiler, built through it
    CHECK(count_of(text, "g++ ") > 5);
    CHECK(count_of(text, "clang++ ") > 5);
    CHECK(count_of(cold.out, "$ cd ") > 0);
    CHECK(has_line(cold.out, R"(    \$ cd .* \S*logging-launcher g\+\+ -std=c\+\+20 .*)"));
}

TEST_CASE("integration: a launcher that fails is reported as the launcher's failure",
          "[harness][integration][launcher]") {
    TempDir tmp("fearless-check-broken-launcher");
    const auto broken = script(tmp.path, "broken-launcher",
                               "echo 'broken-launcher: error: cannot reach the compile farm' >&2\nexit 3\n");
    auto r =
        run_tool({"--no-cache", "--launcher", broken.string(), "cases/send/not_send.cpp", "cases/misc/compiles.cpp"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(count_of(r.out,
                   "failed (exit 3): not the case's failure: broken-launcher: error: cannot reach the compile farm") ==
          4);
    auto missing = run_tool({"--no-cache", "--launcher", "/nonexistent/distcc", "cases/misc/compiles.cpp"});
    CHECK(missing.exit_code == 1);
    CHECK(count_of(missing.out, "the launcher `/nonexistent/distcc` could not start") == 2);
}
