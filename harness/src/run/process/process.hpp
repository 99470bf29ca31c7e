// The process runner: one child, started and supervised; run/runner.cpp alone calls it.
//
// run_process() starts one program, feeds it /dev/null on stdin, captures its
// stdout and stderr, and tells apart how it ended: it exited with a code, it
// was killed by a signal, it ran past its time and was killed, or it never
// started. It never throws for anything the child does.
//
//     Command cmd{.argv = {"g++", "-fsyntax-only", "case.cpp"}, .env = {{"LC_ALL", "C"}}};
//     ProcessResult r = run_process(cmd, Limits{.timeout = std::chrono::seconds(10)});
//     if (r.outcome != Outcome::exited) std::cerr << describe(r) << '\n';
//
// Guarantees:
// - Thread-safe: any number of threads may call run_process() at once; each
//   call owns its child, its pipes and its event loop.
// - The child leads its own process group. At the timeout the whole group is
//   killed with SIGKILL, and once the child has ended the group is killed again,
//   so grandchildren (a compiler driver's cc1plus, a case's own threads or
//   forks) neither survive nor keep the pipes open.
// - Both streams are read to their end concurrently: megabytes of diagnostics
//   never deadlock. Past Limits::output_cap a stream is still read, but dropped.
// - No zombies: the child is always reaped before run_process() returns.
// - Blocks the calling thread until the child has ended (at most about the
//   timeout plus a fraction of a second).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fearless::check {

// What to run.
struct Command {
    std::vector<std::string> argv;           // argv[0] is looked up on PATH if it has no '/'
                                             // (the PATH of `env` if it sets one, else the parent's);
                                             // with a '/', it is relative to the parent's cwd
    std::filesystem::path cwd;               // empty: inherit
    std::map<std::string, std::string> env;  // added to / overriding the parent's environment
    std::vector<std::string> env_remove;     // variables removed from the inherited environment
};

// What the child may use. Resource limits are set in the child before exec.
struct Limits {
    std::chrono::milliseconds timeout{60'000};   // wall clock; the whole process group is killed (SIGKILL) at it
    std::optional<unsigned long> cpu_seconds;    // RLIMIT_CPU: SIGXCPU at the limit, SIGKILL a second later
    std::optional<unsigned long> address_space;  // RLIMIT_AS, bytes: allocations beyond it fail
    std::optional<unsigned long> file_size;      // RLIMIT_FSIZE, bytes: SIGXFSZ when a write goes past it
    std::size_t output_cap = 4u << 20;           // bytes kept per stream; the rest is read and dropped
    bool kill_past_output_cap = false;           // a program: past the cap its group is killed (a flood ends)
    bool kill_left_behind = false;               // after the end, kill a process that still holds the pipes
};

enum class Outcome { exited, signaled, timed_out, failed_to_start };

struct ProcessResult {
    Outcome outcome = Outcome::failed_to_start;
    int exit_code = -1;    // valid when exited
    int signal = 0;        // valid when signaled (decoded from the wait status, NOT exit code 128+n);
                           // when timed_out, the signal that ended it (SIGKILL, or 0 if unknown)
    std::string out, err;  // captured stdout / stderr (up to output_cap each)
    bool out_truncated = false, err_truncated = false;
    std::chrono::milliseconds wall{0};
    std::string start_error;  // why it did not start (e.g. "no such file: clang++-99"), when failed_to_start
    std::chrono::milliseconds timeout{0};  // the timeout that applied (for describe())
    bool killed_past_output_cap = false;   // Limits::kill_past_output_cap did it
    int left_behind = 0;                   // processes that escaped the group and held the pipes (killed)
    bool closed_stdout_early = false;      // stdout reached its end while the child still ran
};

// Runs `cmd` to its end under `limits`. Thread-safe; may be called from many threads at once.
ProcessResult run_process(const Command& cmd, const Limits& limits);

// The executable `name` resolves to on PATH (the current environment's), or
// nullopt if there is none. A name with a '/' is checked as it stands.
std::optional<std::filesystem::path> find_program(const std::string& name);

// Same, searching the given PATH value (colon-separated; an empty entry is the cwd).
std::optional<std::filesystem::path> find_program(const std::string& name, const std::string& path_var);

// "SIGSEGV", "SIGABRT", ... ("signal 42" for a number without a name).
std::string signal_name(int sig);

// One short line: "exited with code 1", "killed by SIGSEGV", "timed out after 10 s",
// "failed to start: ...".
std::string describe(const ProcessResult& r);

}  // namespace fearless::check
