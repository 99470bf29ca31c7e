// Tests of the process runner (harness/src/run/process/process.hpp) against real children:
// the process_helper program (next to this file) and a few system tools.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "run/process/process.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fearless::check;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const std::string helper = PROCESS_HELPER;

Command helper_cmd(std::vector<std::string> args) {
    Command c;
    c.argv = {helper};
    c.argv.insert(c.argv.end(), args.begin(), args.end());
    return c;
}

Limits with_timeout(std::chrono::milliseconds t) {
    Limits l;
    l.timeout = t;
    return l;
}

// True when this process has no child left, reaped or not.
bool no_children() {
    errno = 0;
    return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

// True once `pid` is gone or a zombie (an orphan's zombie waits for its new parent).
bool is_dead(pid_t pid, std::chrono::milliseconds within = 2000ms) {
    const auto until = std::chrono::steady_clock::now() + within;
    do {
        if (::kill(pid, 0) == -1 && errno == ESRCH) return true;
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        auto close = text.rfind(')');
        if (close != std::string::npos && close + 2 < text.size() && text[close + 2] == 'Z') return true;
        std::this_thread::sleep_for(10ms);
    } while (std::chrono::steady_clock::now() < until);
    return false;
}

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "fearless-process-test-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

bool pattern_ok(const std::string& s, char base) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != static_cast<char>(base + i % 26)) return false;
    }
    return true;
}

// Written by an atexit handler if a forked child of this test runs exit()
// instead of _exit() (Boost.Process v2 1.81 does, after a failed exec).
std::string g_atexit_marker;
pid_t g_test_pid = 0;
void atexit_marker() {
    if (::getpid() != g_test_pid && !g_atexit_marker.empty()) std::ofstream(g_atexit_marker) << "child ran exit()\n";
}

}  // namespace

TEST_CASE("exit codes are reported as exited", "[process]") {
    for (int code : {0, 1, 42, 255}) {
        ProcessResult r = run_process(helper_cmd({"exit", std::to_string(code)}), Limits{});
        INFO(describe(r));
        CHECK(r.outcome == Outcome::exited);
        CHECK(r.exit_code == code);
        CHECK(r.signal == 0);
        CHECK(r.start_error.empty());
    }
    ProcessResult r = run_process(helper_cmd({"echo-exit", "hello", "3"}), Limits{});
    CHECK(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 3);
    CHECK(r.out == "hello\n");
    CHECK(r.err.empty());
    CHECK_FALSE(r.out_truncated);
    CHECK(describe(r) == "exited with code 3");
    CHECK(no_children());
}

TEST_CASE("programs without a '/' are found on PATH", "[process]") {
    ProcessResult t = run_process(Command{{"true"}, {}, {}, {}}, Limits{});
    CHECK(t.outcome == Outcome::exited);
    CHECK(t.exit_code == 0);
    ProcessResult f = run_process(Command{{"false"}, {}, {}, {}}, Limits{});
    CHECK(f.outcome == Outcome::exited);
    CHECK(f.exit_code == 1);
    REQUIRE(find_program("sh"));
    CHECK(find_program("sh")->is_absolute());
    CHECK_FALSE(find_program("fearless-no-such-program-xyz"));
    CHECK(find_program(helper) == fs::path(helper));
}

TEST_CASE("argv[0] reaches the child as written", "[process]") {
    TempDir dir;
    fs::create_symlink(helper, dir.path / "my-helper");
    Command c{{"my-helper", "argv0"}, {}, {{"PATH", dir.path.string()}}, {}};
    ProcessResult r = run_process(c, Limits{});
    INFO(describe(r));
    CHECK(r.outcome == Outcome::exited);
    CHECK(r.out == "my-helper\n");
}

TEST_CASE("death by signal is decoded from the wait status", "[process]") {
    ProcessResult segv = run_process(helper_cmd({"segv"}), Limits{});
    CHECK(segv.outcome == Outcome::signaled);
    CHECK(segv.signal == SIGSEGV);
    CHECK(describe(segv) == "killed by SIGSEGV");

    ProcessResult abrt = run_process(helper_cmd({"abort"}), Limits{});
    CHECK(abrt.outcome == Outcome::signaled);
    CHECK(abrt.signal == SIGABRT);
    CHECK(describe(abrt) == "killed by SIGABRT");
    CHECK(no_children());
}

TEST_CASE("a sleeper is killed at the timeout", "[process]") {
    ProcessResult r = run_process(helper_cmd({"sleep"}), with_timeout(300ms));
    CHECK(r.outcome == Outcome::timed_out);
    CHECK(r.signal == SIGKILL);
    CHECK(r.wall >= 300ms);
    CHECK(r.wall < 2000ms);
    CHECK(describe(r) == "timed out after 0.3 s");
    CHECK(no_children());
}

TEST_CASE("a grandchild holding the pipes is killed with the group at the timeout", "[process]") {
    ProcessResult r = run_process(helper_cmd({"grandchild", "sleep"}), with_timeout(300ms));
    CHECK(r.outcome == Outcome::timed_out);
    CHECK(r.wall < 2000ms);
    pid_t grandchild = std::atoi(r.out.c_str());
    REQUIRE(grandchild > 0);
    CHECK(is_dead(grandchild));
    CHECK(no_children());
}

TEST_CASE("a child that exits while its grandchild holds the pipes returns promptly", "[process]") {
    ProcessResult r = run_process(helper_cmd({"grandchild", "exit"}), with_timeout(20'000ms));
    INFO(describe(r));
    CHECK(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 0);
    CHECK(r.wall < 2000ms);
    pid_t grandchild = std::atoi(r.out.c_str());
    REQUIRE(grandchild > 0);
    CHECK(is_dead(grandchild));
}

TEST_CASE("a grandchild that left the process group cannot hold the call past a short grace", "[process]") {
    ProcessResult r = run_process(helper_cmd({"grandchild", "exit", "escape"}), with_timeout(20'000ms));
    INFO(describe(r));
    pid_t grandchild = std::atoi(r.out.c_str());
    REQUIRE(grandchild > 0);
    CHECK(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 0);
    CHECK(r.wall < 2000ms);
    // Out of the group, out of reach: the runner cannot kill it, so the test does.
    CHECK_FALSE(is_dead(grandchild, 0ms));
    ::kill(grandchild, SIGKILL);
}

TEST_CASE("20 MB on both streams neither deadlocks nor loses count", "[process]") {
    constexpr std::size_t twenty_mb = 20u << 20;
    const Command spam = helper_cmd({"spam", std::to_string(twenty_mb)});

    SECTION("default cap: 4 MiB kept per stream, the rest dropped and flagged") {
        ProcessResult r = run_process(spam, with_timeout(30'000ms));
        INFO(describe(r));
        CHECK(r.outcome == Outcome::exited);
        CHECK(r.exit_code == 0);  // the child wrote everything: nothing blocked it
        CHECK(r.out.size() == (4u << 20));
        CHECK(r.err.size() == (4u << 20));
        CHECK(r.out_truncated);
        CHECK(r.err_truncated);
        CHECK(pattern_ok(r.out, 'a'));
        CHECK(pattern_ok(r.err, 'A'));
    }
    SECTION("a cap above the output keeps everything") {
        Limits l = with_timeout(30'000ms);
        l.output_cap = 32u << 20;
        ProcessResult r = run_process(spam, l);
        CHECK(r.outcome == Outcome::exited);
        CHECK(r.exit_code == 0);
        CHECK(r.out.size() == twenty_mb);
        CHECK(r.err.size() == twenty_mb);
        CHECK_FALSE(r.out_truncated);
        CHECK_FALSE(r.err_truncated);
        CHECK(pattern_ok(r.out, 'a'));
        CHECK(pattern_ok(r.err, 'A'));
    }
    SECTION("a cap exactly at the output size is not a truncation") {
        Limits l = with_timeout(30'000ms);
        l.output_cap = twenty_mb;
        ProcessResult r = run_process(spam, l);
        CHECK(r.out.size() == twenty_mb);
        CHECK(r.err.size() == twenty_mb);
        CHECK_FALSE(r.out_truncated);
        CHECK_FALSE(r.err_truncated);
    }
    SECTION("a cap one byte short is") {
        Limits l = with_timeout(30'000ms);
        l.output_cap = twenty_mb - 1;
        ProcessResult r = run_process(spam, l);
        CHECK(r.out.size() == twenty_mb - 1);
        CHECK(r.out_truncated);
        CHECK(r.err_truncated);
    }
    CHECK(no_children());
}

TEST_CASE("a program that cannot start is failed_to_start, never an exception", "[process]") {
    SECTION("not on PATH") {
        ProcessResult r = run_process(Command{{"clang++-99"}, {}, {}, {}}, Limits{});
        CHECK(r.outcome == Outcome::failed_to_start);
        CHECK_THAT(r.start_error, Catch::Contains("clang++-99"));
        CHECK_THAT(describe(r), Catch::StartsWith("failed to start: "));
    }
    SECTION("a path that does not exist") {
        ProcessResult r = run_process(Command{{"/nonexistent/bin/cc"}, {}, {}, {}}, Limits{});
        CHECK(r.outcome == Outcome::failed_to_start);
        CHECK_THAT(r.start_error, Catch::Contains("/nonexistent/bin/cc"));
    }
    SECTION("a file that is not executable") {
        TempDir dir;
        std::ofstream(dir.path / "plain.txt") << "text\n";
        ProcessResult r = run_process(Command{{(dir.path / "plain.txt").string()}, {}, {}, {}}, Limits{});
        CHECK(r.outcome == Outcome::failed_to_start);
        CHECK_THAT(r.start_error, Catch::Contains("plain.txt"));
    }
    SECTION("an executable file that exec rejects: reaped, and the child leaves by _exit") {
        TempDir dir;
        fs::path bad = dir.path / "garbage";
        std::ofstream(bad) << "\x7f"
                              "ELF not really\n";
        fs::permissions(bad, fs::perms::owner_all);
        g_atexit_marker = (dir.path / "marker").string();
        g_test_pid = ::getpid();
        static bool registered = (std::atexit(atexit_marker), true);
        (void)registered;
        ProcessResult r = run_process(Command{{bad.string()}, {}, {}, {}}, Limits{});
        INFO(r.start_error);
        CHECK(r.outcome == Outcome::failed_to_start);
        CHECK_THAT(r.start_error, Catch::Contains("garbage"));
        CHECK(no_children());
        CHECK_FALSE(fs::exists(g_atexit_marker));
        g_atexit_marker.clear();
    }
    SECTION("an empty command") {
        ProcessResult r = run_process(Command{}, Limits{});
        CHECK(r.outcome == Outcome::failed_to_start);
        CHECK_FALSE(r.start_error.empty());
    }
    SECTION("a working directory that does not exist") {
        Command c = helper_cmd({"cwd"});
        c.cwd = "/nonexistent/dir";
        ProcessResult r = run_process(c, Limits{});
        CHECK(r.outcome == Outcome::failed_to_start);
        CHECK_THAT(r.start_error, Catch::Contains("/nonexistent/dir"));
    }
    CHECK(no_children());
}

TEST_CASE("the environment is inherited, overridden and pruned", "[process]") {
    ::setenv("FEARLESS_KEEP", "kept", 1);
    ::setenv("FEARLESS_GONE", "present", 1);
    ::setenv("FEARLESS_OVER", "old", 1);
    Command c = helper_cmd({"env", "FEARLESS_KEEP", "FEARLESS_GONE", "FEARLESS_OVER", "FEARLESS_NEW"});
    c.env = {{"FEARLESS_OVER", "new"}, {"FEARLESS_NEW", "fresh=with=equals"}};
    c.env_remove = {"FEARLESS_GONE"};
    ProcessResult r = run_process(c, Limits{});
    CHECK(r.outcome == Outcome::exited);
    CHECK(r.out ==
          "FEARLESS_KEEP=kept\n"
          "FEARLESS_GONE=<unset>\n"
          "FEARLESS_OVER=new\n"
          "FEARLESS_NEW=fresh=with=equals\n");
    // The parent's environment is untouched.
    CHECK(std::string(std::getenv("FEARLESS_OVER")) == "old");
    CHECK(std::getenv("FEARLESS_NEW") == nullptr);
    ::unsetenv("FEARLESS_KEEP");
    ::unsetenv("FEARLESS_GONE");
    ::unsetenv("FEARLESS_OVER");
}

TEST_CASE("the child runs in the given working directory", "[process]") {
    TempDir dir;
    Command c = helper_cmd({"cwd"});
    c.cwd = dir.path;
    ProcessResult r = run_process(c, Limits{});
    CHECK(r.outcome == Outcome::exited);
    CHECK(r.out == fs::canonical(dir.path).string() + "\n");

    ProcessResult inherited = run_process(helper_cmd({"cwd"}), Limits{});
    CHECK(inherited.out == fs::current_path().string() + "\n");
}

TEST_CASE("stdin is /dev/null: a child reading it does not hang", "[process]") {
    ProcessResult r = run_process(helper_cmd({"stdin"}), with_timeout(5000ms));
    CHECK(r.outcome == Outcome::exited);
    CHECK(r.out == "0\n");
    CHECK(r.wall < 2000ms);
}

TEST_CASE("RLIMIT_AS makes a big allocation fail", "[process][limits]") {
    const std::string big = std::to_string(512u << 20);
    ProcessResult free_run = run_process(helper_cmd({"alloc", big}), with_timeout(20'000ms));
    INFO("without a limit: " << describe(free_run) << " " << free_run.out);
    REQUIRE(free_run.outcome == Outcome::exited);
    REQUIRE(free_run.exit_code == 0);

    Limits l = with_timeout(20'000ms);
    l.address_space = 128u << 20;
    ProcessResult limited = run_process(helper_cmd({"alloc", big}), l);
    INFO("with 128 MiB: " << describe(limited) << " " << limited.out);
    CHECK(limited.outcome == Outcome::exited);
    CHECK(limited.exit_code == 3);
    CHECK(limited.out == "allocation failed\n");
}

TEST_CASE("RLIMIT_CPU and RLIMIT_FSIZE end the child by their signals", "[process][limits]") {
    SECTION("cpu") {
        Limits l = with_timeout(20'000ms);
        l.cpu_seconds = 1;
        ProcessResult r = run_process(helper_cmd({"burn"}), l);
        CHECK(r.outcome == Outcome::signaled);
        CHECK(r.signal == SIGXCPU);
        CHECK(describe(r) == "killed by SIGXCPU (CPU time limit)");
    }
    SECTION("file size") {
        TempDir dir;
        Limits l = with_timeout(20'000ms);
        l.file_size = 64u << 10;
        Command c = helper_cmd({"write-file", std::to_string(1u << 20)});
        c.cwd = dir.path;
        ProcessResult r = run_process(c, l);
        CHECK(r.outcome == Outcome::signaled);
        CHECK(r.signal == SIGXFSZ);
        CHECK(fs::file_size(dir.path / "big.bin") <= (64u << 10));
    }
}

TEST_CASE("8 threads running children at once all get their own results", "[process][threads]") {
    constexpr int threads = 8;
    constexpr int runs = 6;
    std::atomic<int> wrong{0};
    std::vector<std::string> failures(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([t, &wrong, &failures] {
            std::ostringstream log;
            for (int i = 0; i < runs; ++i) {
                std::string text = "thread" + std::to_string(t) + "-run" + std::to_string(i);
                int code = (t * 31 + i) % 256;
                ProcessResult r = run_process(helper_cmd({"echo-exit", text, std::to_string(code)}), Limits{});
                if (r.outcome != Outcome::exited || r.exit_code != code || r.out != text + "\n") {
                    ++wrong;
                    log << text << ": " << describe(r) << " out=" << r.out << "; ";
                }
            }
            // A few heavier ones in the mix: a timeout with a grandchild, output, a crash.
            if (t == 0) {
                ProcessResult r = run_process(helper_cmd({"grandchild", "sleep"}), with_timeout(300ms));
                if (r.outcome != Outcome::timed_out || r.wall > 2000ms) ++wrong, log << "timeout: " << describe(r);
            } else if (t == 1) {
                ProcessResult r = run_process(helper_cmd({"spam", std::to_string(3u << 20)}), Limits{});
                if (r.out.size() != (3u << 20) || r.err.size() != (3u << 20)) ++wrong, log << "spam: " << describe(r);
            } else if (t == 2) {
                ProcessResult r = run_process(helper_cmd({"segv"}), Limits{});
                if (r.outcome != Outcome::signaled || r.signal != SIGSEGV) ++wrong, log << "segv: " << describe(r);
            }
            failures[t] = log.str();
        });
    }
    for (auto& th : pool) th.join();
    for (const auto& f : failures) CHECK(f.empty());
    CHECK(wrong == 0);
    CHECK(no_children());
}

TEST_CASE("signal_name and describe", "[process]") {
    CHECK(signal_name(SIGSEGV) == "SIGSEGV");
    CHECK(signal_name(SIGABRT) == "SIGABRT");
    CHECK(signal_name(SIGKILL) == "SIGKILL");
    CHECK(signal_name(42) == "signal 42");

    ProcessResult r;
    r.outcome = Outcome::timed_out;
    r.timeout = 10'000ms;
    CHECK(describe(r) == "timed out after 10 s");
    r.timeout = 1'250ms;
    CHECK(describe(r) == "timed out after 1.25 s");
    r.outcome = Outcome::failed_to_start;
    r.start_error = "no such file: clang++-99";
    CHECK(describe(r) == "failed to start: no such file: clang++-99");
    r.outcome = Outcome::signaled;
    r.signal = SIGSEGV;
    CHECK(describe(r) == "killed by SIGSEGV");
}

TEST_CASE("a child started while another thread holds a pipe open sees only 0, 1 and 2", "[process][threads]") {
    // The other thread's pipe is inheritable (no O_CLOEXEC), as a library's own
    // descriptors may be: the child must still not get it.
    std::atomic<bool> holding{false}, release{false};
    std::thread holder([&] {
        int p[2];
        REQUIRE(::pipe(p) == 0);
        holding = true;
        while (!release) std::this_thread::sleep_for(1ms);
        ::close(p[0]);
        ::close(p[1]);
    });
    while (!holding) std::this_thread::sleep_for(1ms);
    auto r = run_process(helper_cmd({"fds"}), with_timeout(10s));
    release = true;
    holder.join();
    REQUIRE(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "0 1 2\n");
}
