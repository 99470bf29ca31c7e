// Issue 5, stage by stage: hashing, depfiles, the result cache, the control
// source, PCH eligibility and scheduling (pure or in a temp dir).
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "cache/deps.hpp"
#include "cache/hash.hpp"
#include "cache/pch.hpp"
#include "cache/policy.hpp"
#include "cache/result_cache.hpp"
#include "case/control.hpp"
#include "fixtures.hpp"
#include "run/commands.hpp"
#include "run/depfile.hpp"
#include "run/schedule.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::files_under;
using fixtures::TempDir;

Case case_of(std::string text, std::string id = "t/x") {
    Case identity;
    identity.file = "cases/" + id + ".cpp";
    identity.id = id;
    identity.display = identity.file.string();
    return parse_case(text, identity);
}

CachedJob sample_job(std::vector<Dependency> deps) {
    CachedJob job;
    job.result = decided("cases/t/x.cpp", "gcc-12", Status::pass, "");
    job.result.duration = std::chrono::milliseconds(1234);
    job.result.commands = {"g++ x"};
    job.result.verdict.actual_stderr = "error: boom\n";
    job.result.verdict.would_be = "expected/t/x.stderr";
    job.deps = std::move(deps);
    return job;
}

}  // namespace

TEST_CASE("hash: length-prefixed fields, stable hex", "[harness][cache]") {
    Hasher a, b, c;
    a.add("ab").add("c");
    b.add("a").add("bc");
    c.add("ab").add("c");
    CHECK(a.hex() != b.hex());
    CHECK(a.hex() == c.hex());
    CHECK(a.hex().size() == 32);
    CHECK(hash_hex("x") == hash_hex("x"));
    CHECK(hash_hex("x") != hash_hex("y"));
}

TEST_CASE("deps: Make-style dependency files", "[harness][cache]") {
    CHECK(parse_depfile("case.o: cases/a.cpp /usr/include/stdc-predef.h \\\n include/x.hpp \\\n include/x.hpp\n") ==
          std::vector<std::string>{"cases/a.cpp", "/usr/include/stdc-predef.h", "include/x.hpp"});
    CHECK(parse_depfile("a.o: my\\ dir/a.cpp b$$.h\n\nb.h:\n") == std::vector<std::string>{"my dir/a.cpp", "b$.h"});
    CHECK(parse_depfile("").empty());
}

TEST_CASE("cache: a stored verdict hits until a file it read changes", "[harness][cache]") {
    TempDir dir("fearless-check-cache-test");
    write_file(dir.path / "root" / "h.hpp", "int x;\n");
    ResultCache cache(dir.path / "cache");
    {
        FileHashes hashes(dir.path / "root");
        CHECK_FALSE(cache.lookup("k1", hashes));  // miss: nothing stored
        REQUIRE(cache.store("k1", sample_job(hashes.snapshot({"h.hpp"}))));
        auto hit = cache.lookup("k1", hashes);
        REQUIRE(hit);
        CHECK(hit->result.duration.count() == 1234);
        CHECK(hit->result.commands == std::vector<std::string>{"g++ x"});
        CHECK(hit->result.verdict.actual_stderr == "error: boom\n");
        CHECK(hit->result.verdict.would_be == std::filesystem::path("expected/t/x.stderr"));
        CHECK_FALSE(cache.lookup("k2", hashes));  // another key
    }
    write_file(dir.path / "root" / "h.hpp", "int y;\n");
    FileHashes fresh(dir.path / "root");
    CHECK_FALSE(cache.lookup("k1", fresh));  // the header changed: miss
    // No temporary files are left behind.
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path / "cache"))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("cache: entries of another harness version or damaged ones miss", "[harness][cache]") {
    auto text = cached_job_to_json(sample_job({{"a", "b"}}));
    CHECK(cached_job_from_json(text));
    auto other = text;
    other.replace(other.find(harness_version), harness_version.size(), "fearless-check 0.0");
    CHECK_FALSE(cached_job_from_json(other));
    CHECK_FALSE(cached_job_from_json(text.substr(0, text.size() / 2)));
}

TEST_CASE("cache: an unreadable dependency never hits", "[harness][cache]") {
    TempDir dir("fearless-check-cache-missing");
    ResultCache cache(dir.path / "cache");
    FileHashes hashes(dir.path);
    REQUIRE(cache.store("k", sample_job(hashes.snapshot({"gone.hpp"}))));
    CHECK_FALSE(cache.lookup("k", hashes));
}

TEST_CASE("cache: timings merge and compiler versions are remembered", "[harness][cache]") {
    TempDir dir("fearless-check-cache-timings");
    ResultCache cache(dir.path);
    cache.save_timings({{"a|gcc-12", 10}});
    cache.save_timings({{"b|gcc-12", 20}});
    CHECK(cache.load_timings() == std::map<std::string, long long>{{"a|gcc-12", 10}, {"b|gcc-12", 20}});
    auto v = cache.versions();
    CHECK_FALSE(v.load("/usr/bin/g++ 1 2"));
    v.save("/usr/bin/g++ 1 2", "g++ (Debian 12.2.0-14) 12.2.0\n");
    CHECK(v.load("/usr/bin/g++ 1 2") == std::optional<std::string>("g++ (Debian 12.2.0-14) 12.2.0\n"));
}

TEST_CASE("control: annotated lines blanked, numbering kept, continued statements too", "[harness][control]") {
    auto c = case_of(
        "//@ compile-fail\nint main() {\n    int a = 1; //~ ERROR x\n    f(\n        a);\n    //~^^ ERROR y\n}\n");
    REQUIRE_FALSE(c.malformed());
    CHECK(control_lines(c) == std::vector<int>{3, 4, 5});
    CHECK(control_source(c) == "//@ compile-fail\nint main() {\n\n\n\n    //~^^ ERROR y\n}\n");
}

TEST_CASE("pch: the leading include decides who gets the PCH", "[harness][pch]") {
    CHECK(leading_include({"//@ compile-fail", "// text", "", "#include <fearless/fearless.hpp>",
                           "#include <vector>"}) == std::optional<std::string>("fearless/fearless.hpp"));
    CHECK(leading_include({"#  include <a.hpp> // why"}) == std::optional<std::string>("a.hpp"));
    CHECK_FALSE(leading_include({"#define X 1", "#include <a.hpp>"}));
    CHECK_FALSE(leading_include({"int x;", "#include <a.hpp>"}));
    CHECK_FALSE(leading_include({"#include \"a.hpp\""}));
    std::vector<Case> cases = {case_of("//@ compile-pass\n#include <a.hpp>\n"),
                               case_of("//@ compile-pass\n#include <b.hpp>\n"),
                               case_of("//@ compile-pass\n#include <b.hpp>\n"), case_of("//@ compile-pass\nint x;\n")};
    CHECK(shared_leading_includes(cases) == std::set<std::string>{"b.hpp"});
    CHECK(shared_leading_includes({cases[0]}).empty());  // one case is no reason for a PCH
    cases.push_back(case_of("//@ compile-fail\n#include <a.hpp>\nx; //~ ERROR y\n"));
    CHECK(shared_leading_includes(cases) == std::set<std::string>{"a.hpp", "b.hpp"});  // a PCH for each
    CHECK(pch_rejected("cc1plus: warning: /c/pch.hpp.gch: not used because `X' is defined [-Winvalid-pch]"));
    CHECK(pch_rejected(
        "fatal error: file 'a.hpp' has been modified since the precompiled header '/c/pch.pch' was built"));
    CHECK_FALSE(pch_rejected("error: static assertion failed"));
}

TEST_CASE("schedule: skips, then unknown (run cases first), then longest first", "[harness][schedule]") {
    std::vector<Case> cases = {case_of("//@ compile-pass\n", "a"), case_of("//@ run-pass\n", "b"),
                               case_of("//@ compile-fail\nx; //~ ERROR e\n", "c"), case_of("//@ compile-pass\n", "d")};
    std::vector<Compiler> compilers(1);
    compilers[0].label = "gcc-12";
    std::vector<Job> jobs = {{0, 0, {}}, {1, 0, {}}, {2, 0, {}}, {3, 0, "only: clang"}};
    CHECK(schedule_jobs(jobs, cases, compilers, {}) == std::vector<std::size_t>{3, 1, 2, 0});
    CHECK(schedule_jobs(jobs, cases, compilers, {{"a|gcc-12", 900}, {"b|gcc-12", 100}, {"c|gcc-12", 500}}) ==
          std::vector<std::size_t>{3, 0, 2, 1});
}

TEST_CASE("cache: job_deps drops only what lies in the PCH folder", "[harness][cache]") {
    JobOutput out;
    out.deps = std::vector<std::string>{"/proj/cases/a.cpp", "include/lib.hpp", "/usr/include/c++/12/vector",
                                        "/proj/.cache/pch/gcc/pch.hpp.gch", ".cache/pch/gcc/stub.hpp"};
    const std::vector<std::string> all = {"cases/a.cpp", "include/lib.hpp", "/usr/include/c++/12/vector",
                                          ".cache/pch/gcc/pch.hpp.gch", ".cache/pch/gcc/stub.hpp"};
    // No PCH folder: nothing is dropped (an empty folder is not "/", which would hold every absolute path).
    CHECK(job_deps("/proj", "", out, std::nullopt) == all);
    const std::vector<std::string> without_pch = {"cases/a.cpp", "include/lib.hpp", "/usr/include/c++/12/vector"};
    CHECK(job_deps("/proj", "/proj/.cache/pch", out, std::nullopt) == without_pch);
    CHECK(job_deps("/proj", "/proj/.cache/pch/", out, std::nullopt) == without_pch);
    CHECK(job_deps("/proj", ".cache/pch", out, std::nullopt) == without_pch);
    // A sibling folder whose name only starts like the PCH folder stays.
    out.deps = std::vector<std::string>{"/proj/.cache/pch2/x.hpp"};
    CHECK(job_deps("/proj", "/proj/.cache/pch", out, std::nullopt) == std::vector<std::string>{".cache/pch2/x.hpp"});
}

TEST_CASE("control: a //~? annotation blanks no line", "[harness][control]") {
    auto c = case_of("//@ compile-fail\n#include <a.hpp>\n//~? ERROR boom\nint main() {}\n");
    CHECK(control_lines(c).empty());
}

TEST_CASE("pch: stores in two processes' places share one build through the folder's lock", "[harness][pch]") {
    TempDir dir("fearless-check-pch-lock");
    write_file(dir.path / "include" / "a.hpp", "#pragma once\n");
    std::atomic<int> builds{0};
    // A compiler stand-in: slow enough that a second builder would overlap it.
    auto run = [&](const Command& cmd) {
        ++builds;
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const auto& a = cmd.argv;
        auto after = [&](const std::string& flag) { return *(std::find(a.begin(), a.end(), flag) + 1); };
        write_file(after("-o"), "pch");
        write_file(after("-MF"), "pch.o: " + (dir.path / "include" / "a.hpp").string() + "\n");
        ProcessResult r;
        r.outcome = Outcome::exited;
        r.exit_code = 0;
        return r;
    };
    Compiler gcc{"g++", Family::gcc, 12, "gcc-12", "", "g++ 12"};
    const std::vector<std::string> flags = {"-std=c++20", "-fsyntax-only"};
    // Two stores on one folder, as two fearless-check processes would have.
    PchStore first(dir.path / "pch", {"a.hpp"}, dir.path, run), second(dir.path / "pch", {"a.hpp"}, dir.path, run);
    std::optional<Pch> got_first, got_second;
    std::thread t([&] { got_first = first.get("a.hpp", gcc, flags, gcc.identity); });
    got_second = second.get("a.hpp", gcc, flags, gcc.identity);
    t.join();
    CHECK(builds == 1);
    REQUIRE(got_first);
    REQUIRE(got_second);
    CHECK(got_first->use_args == got_second->use_args);
}

TEST_CASE("cache: truncated, garbage and out-of-range entries miss and are counted once each, foreign ones just miss",
          "[harness][cache][hostile]") {
    TempDir dir("fearless-check-cache-damaged");
    write_file(dir.path / "root" / "h.hpp", "int x;\n");
    ResultCache cache(dir.path / "cache");
    FileHashes hashes(dir.path / "root");
    const auto good = cached_job_to_json(sample_job(hashes.snapshot({"h.hpp"})));
    auto bad_status = good;
    bad_status.replace(bad_status.find("\"status\":0"), 10, "\"status\":7");
    auto foreign = good;
    foreign.replace(foreign.find(harness_version), harness_version.size(), "fearless-check 0.0");
    const std::map<std::string, std::string> entries = {
        {"t1", good.substr(0, good.size() / 2)}, {"g1", "\x01\xff garbage"}, {"s1", bad_status}, {"f1", foreign},
        {"e1", ""}};
    for (const auto& [key, text] : entries)
        REQUIRE(write_file(dir.path / "cache" / "results" / key.substr(0, 2) / (key + ".json"), text));
    for (const auto& [key, text] : entries) CHECK_FALSE(cache.lookup(key, hashes));
    CHECK(cache.trouble().damaged == 4);  // all but the foreign one
    // The job runs again and its fresh entry replaces the damaged one.
    REQUIRE(cache.store("t1", sample_job(hashes.snapshot({"h.hpp"}))));
    CHECK(cache.lookup("t1", hashes));
    CHECK(cache.trouble().unwritable == 0);
}

TEST_CASE("cache: a folder that cannot be written is detected up front and each failed write counted",
          "[harness][cache][hostile]") {
    TempDir dir("fearless-check-cache-unwritable");
    // A regular file where the folder should be: cannot be written, even by root.
    REQUIRE(write_file(dir.path / "blocked", "a file"));
    ResultCache cache(dir.path / "blocked" / "fearless-check");
    std::string why;
    CHECK_FALSE(cache.writable(why));
    CHECK(why.find("blocked") != std::string::npos);
    FileHashes hashes(dir.path);
    CHECK_FALSE(cache.store("k1", sample_job({{"a", "b"}})));
    CHECK_FALSE(cache.store("k2", sample_job({{"a", "b"}})));
    cache.save_timings({{"a|gcc-12", 1}});
    const auto t = cache.trouble();
    CHECK(t.unwritable == 3);
    CHECK(t.first_write_error.find("blocked/fearless-check/results/k1: Not a directory") != std::string::npos);
    ResultCache fine(dir.path / "ok");
    CHECK(fine.writable(why));
    CHECK(files_under(dir.path / "ok").empty());  // the probe is removed
}

// A full file system, for real: a 64 KiB tmpfs (needs mount rights; said when missing).
TEST_CASE("cache: on a full file system a write fails instead of leaving an empty entry", "[harness][cache][hostile]") {
    TempDir dir("fearless-check-cache-full");
    auto mnt = dir.path / "mnt";
    std::filesystem::create_directories(mnt);
    const auto mount = "mount -t tmpfs -o size=64k tmpfs '" + mnt.string() + "' 2>/dev/null";
    if (std::system(mount.c_str()) != 0) {
        WARN("cannot mount a tmpfs here (not root?): the full-disk case is not exercised");
        return;
    }
    struct Unmount {
        std::string cmd;
        ~Unmount() { (void)std::system(cmd.c_str()); }
    } unmount{"umount '" + mnt.string() + "'"};
    // Fill it to the last byte.
    {
        std::ofstream filler(mnt / "filler", std::ios::binary);
        std::string block(4096, 'x');
        for (int i = 0; i < 64 && filler; ++i) filler << block;
    }
    std::string why;
    CHECK_FALSE(write_file(mnt / "small.json", "{}", &why));
    CHECK(why.find("No space left on device") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(mnt / "small.json"));
    ResultCache cache(mnt / "cache");
    CHECK_FALSE(cache.store("k1", sample_job({{"a", "b"}})));
    CHECK(cache.trouble().unwritable == 1);
    CHECK(fixtures::files_under(mnt / "cache").empty());  // nothing half-written left behind
}
