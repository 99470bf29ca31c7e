// fearless-check really signalled in the middle of a run: SIGINT / SIGTERM
// stop it at once with the summary of what finished, exit 128 + signal, kill
// every child, and leave the cache and the expected files as they were
// (nothing half-written, nothing judged from a killed job).
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixtures.hpp"
#include "util/file.hpp"

extern char** environ;

namespace {

using fixtures::count_of;
using fixtures::files_under;
using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;
using fearless::check::read_file;
using fearless::check::write_file;
using namespace std::chrono_literals;

const std::filesystem::path tool = FEARLESS_CHECK_EXE;

// The tool started in the background, its stdout and stderr going to files.
class Background {
  public:
    Background(const std::filesystem::path& cwd, std::vector<std::string> args, const std::filesystem::path& cache)
        : out_(cwd.parent_path() / "tool.out"), err_(cwd.parent_path() / "tool.err") {
        args.insert(args.begin(), tool.string());
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> env_text = {"NO_COLOR=1", "XDG_CACHE_HOME=" + cache.string(),
                                             "PATH=" + std::string(::getenv("PATH"))};
        std::vector<char*> envp;
        for (auto& e : env_text) envp.push_back(e.data());
        envp.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&fa, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        // The test runner may block or ignore signals; the tool must start with the defaults.
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        sigset_t none, all;
        sigemptyset(&none);
        sigfillset(&all);
        posix_spawnattr_setsigmask(&attr, &none);
        posix_spawnattr_setsigdefault(&attr, &all);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
        std::string cwd_s = cwd.string();
        posix_spawn_file_actions_addchdir_np(&fa, cwd_s.c_str());
        if (posix_spawn(&pid_, tool.c_str(), &fa, &attr, argv.data(), envp.data()) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&fa);
        posix_spawnattr_destroy(&attr);
    }
    ~Background() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    pid_t pid() const { return pid_; }
    std::string out() const { return read_file(out_).value_or(""); }
    std::string err() const { return read_file(err_).value_or(""); }

    // The wait status, or nullopt if it did not end within `limit` (then it is killed).
    std::optional<int> wait(std::chrono::milliseconds limit) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        int status = 0;
        while (std::chrono::steady_clock::now() < deadline) {
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                reaped_ = true;
                return status;
            }
            std::this_thread::sleep_for(20ms);
        }
        return std::nullopt;
    }

  private:
    std::filesystem::path out_, err_;
    pid_t pid_ = -1;
    bool reaped_ = false;
};

// Polls `ready` every 50 ms for up to `limit`.
template <class F>
bool eventually(F ready, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (ready()) return true;
        std::this_thread::sleep_for(50ms);
    }
    return ready();
}

bool alive(pid_t pid) {
    // A zombie is not running: only a process that still runs counts.
    auto stat = read_file("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) return false;
    auto close = stat->rfind(')');
    return close != std::string::npos && close + 2 < stat->size() && (*stat)[close + 2] != 'Z';
}

// A suite of three quick cases (one compile-fail with no expected file yet)
// and one that runs for a minute. The slow one sorts last, so the quick ones
// are reported before it ends; its program writes its pid to `marker` once it runs.
std::filesystem::path slow_suite(const std::filesystem::path& dir, const std::filesystem::path& marker) {
    auto suite = dir / "suite";
    write_file(suite / "include" / "lib" / "lib.hpp", "#pragma once\ninline int answer() { return 42; }\n");
    write_file(suite / "fearless-check.json", R"({"include": ["include"], "timeout": 120})");
    for (const char* name : {"a_quick", "b_quick"})
        write_file(suite / "cases" / (std::string(name) + ".cpp"),
                   "//@ compile-pass\n#include <lib/lib.hpp>\nint main() { return answer() - 42; }\n");
    write_file(suite / "cases" / "c_fails.cpp",
               "//@ compile-fail\n#include <lib/lib.hpp>\nint main() { return missing(); } //~ ERROR missing\n");
    write_file(suite / "cases" / "z_slow.cpp", "//@ run-pass\n#include <lib/lib.hpp>\n#include <cstdio>\n"
                                               "#include <unistd.h>\nint main() {\n"
                                               "    FILE* f = std::fopen(\"" + marker.string() + "\", \"w\");\n"
                                               "    std::fprintf(f, \"%d\\n\", (int)getpid());\n"
                                               "    std::fclose(f);\n    sleep(60);\n    return answer() - 42;\n}\n");
    write_file(suite / "expected" / "z_slow.stdout", "");
    return suite;
}

// Result lines printed so far.
std::size_t reported(const std::string& out) {
    return count_of(out, "PASS  ") + count_of(out, "FAIL  ");
}

std::size_t cache_entries(const std::filesystem::path& cache) {
    std::size_t n = 0;
    for (const auto& [path, text] : files_under(cache / "fearless-check" / "results"))
        if (path.ends_with(".json")) ++n;
    return n;
}

// Files a write left behind half-done (util/file.cpp's temporary names).
std::size_t temporaries(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for (const auto& [path, text] : files_under(dir))
        if (path.find(".tmp-") != std::string::npos) ++n;
    return n;
}

// Runs the slow suite, signals the tool once the slow program runs and both
// quick cases were reported, and checks what every interruption must leave.
void interrupt_slow_run(int sig, std::vector<std::string> extra_args, int signals_sent = 1) {
    TempDir dir("fearless-check-interrupt-" + std::to_string(sig) + "-" + std::to_string(signals_sent));
    auto marker = dir.path / "slow.pid";
    auto suite = slow_suite(dir.path, marker);
    auto cache = dir.path / "cache";
    std::vector<std::string> args = {"--compiler", "g++", "-j", "2", "--pch", "none"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    Background tool(suite, args, cache);
    REQUIRE(tool.pid() > 0);
    REQUIRE(eventually([&] { return read_file(marker).value_or("").ends_with("\n") &&
                                    reported(tool.out()) == 3; },
                       120s));
    const pid_t slow = std::stoi(*read_file(marker));
    REQUIRE(alive(slow));
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < signals_sent; ++i) ::kill(tool.pid(), sig);
    auto status = tool.wait(20s);
    const auto took = std::chrono::steady_clock::now() - t0;
    INFO(tool.out() << tool.err());
    REQUIRE(status);
    REQUIRE(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 128 + sig);
    CHECK(took < 5s);
    CHECK(!alive(slow));  // the slow program's group was killed, not left to the pdeath signal
    if (signals_sent == 1) {
        CHECK(has_line(tool.out(), R"(\d passed, \d failed, 1 not run)"));
        CHECK(last_line(tool.out()).ends_with(", 1 not run"));
        CHECK(cache_entries(cache) == 3);  // the killed job was neither judged nor stored
    }
    CHECK(temporaries(cache) == 0);
    CHECK(temporaries(suite) == 0);
    CHECK(files_under(suite / "expected").size() == 1);  // only the hand-written z_slow.stdout
}

}  // namespace

TEST_CASE("interrupt: SIGINT stops the run with the summary of what finished, exit 130",
          "[harness][integration][interrupt]") {
    interrupt_slow_run(SIGINT, {});
}

TEST_CASE("interrupt: SIGTERM during --bless blesses nothing, exit 143", "[harness][integration][interrupt]") {
    interrupt_slow_run(SIGTERM, {"--bless"});
}

TEST_CASE("interrupt: a second Ctrl-C does not hang", "[harness][integration][interrupt]") {
    interrupt_slow_run(SIGINT, {}, 2);
}

TEST_CASE("interrupt: during a PCH build, exit 130 and no PCH recorded as failed", "[harness][integration][interrupt]") {
    TempDir dir("fearless-check-interrupt-pch");
    auto marker = dir.path / "pch.started";
    auto suite = slow_suite(dir.path, dir.path / "unused.pid");
    // A g++ whose PCH builds hang (until killed) once they have started.
    auto cxx = dir.path / "slow-pch-g++";
    write_file(cxx, "#!/bin/sh\ncase \"$*\" in *c++-header*) : > '" + marker.string() +
                        "'; sleep 60; exit 1;; esac\nexec g++ \"$@\"\n");
    std::filesystem::permissions(cxx, std::filesystem::perms::owner_all);
    auto cache = dir.path / "cache";
    Background tool(suite, {"--compiler", cxx.string(), "-j", "2", "--pch", "lib/lib.hpp"}, cache);
    REQUIRE(tool.pid() > 0);
    REQUIRE(eventually([&] { return std::filesystem::exists(marker); }, 60s));
    ::kill(tool.pid(), SIGINT);
    auto status = tool.wait(20s);
    INFO(tool.out() << tool.err());
    REQUIRE(status);
    REQUIRE(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 130);
    CHECK(last_line(tool.out()) == "0 passed, 0 failed, 4 not run");
    // A killed build proves nothing about the header: no manifest, so the next run builds it again.
    std::size_t manifests = 0;
    for (const auto& [path, text] : files_under(cache / "fearless-check" / "pch"))
        if (path.ends_with("manifest.json")) ++manifests;
    CHECK(manifests == 0);
    CHECK(temporaries(cache) == 0);
    CHECK(cache_entries(cache) == 0);
}
