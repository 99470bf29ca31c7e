// The exact command lines of a job (pure; -v prints them).
//
// Compilers run with LC_ALL=C and without colour, with -std= (c++20 unless the
// case or the config says otherwise) -pthread,
// the include paths, the configured flags, then the case's own flags (last, so
// they win). Never a flag that hides echoed source lines: on GCC 12 and Clang
// 14 the reason of a deleted function lives only there (SPEC §4).
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "case/case.hpp"
#include "run/compiler.hpp"
#include "run/process/process.hpp"

namespace fearless::check {

// What every job of a run shares.
struct RunSettings {
    std::filesystem::path root;                 // compilers run here; case paths are relative to it
    std::vector<std::string> includes;          // -I paths, relative to root when under it
    std::vector<std::string> flags;             // extra flags for every case (config file)
    std::string std_version = "c++20";          // -std= of a case that names none (config "std")
    std::chrono::milliseconds timeout{60'000};  // per compiler / program run; `//@ timeout:` overrides for programs
    std::string clang_tidy = "clang-tidy";
    std::vector<std::string> launcher;  // before every compile and PCH build: ccache, distcc ... (--launcher)
};

// What a job adds to its compile command beyond the case and the settings.
struct CompileExtras {
    std::vector<std::string> pch_args;             // from Pch::use_args; empty: no PCH
    std::optional<std::filesystem::path> depfile;  // -MD -MF FILE: what the compile read (for the result cache)
    std::optional<std::filesystem::path> source;   // compile this file instead of the case's (the control compile)
    std::vector<std::string> quote_dirs;           // -iquote DIR: where the case's "..." includes resolve from
    bool object_only = false;                      // -c: `output` is an object file, linked by link_command
};

// `output`: where to link the program (run cases); nullopt: -fsyntax-only.
Command compile_command(const Compiler& compiler, const Case& c, const RunSettings& s,
                        const std::optional<std::filesystem::path>& output, const CompileExtras& extras = {});

// -std= (the case's, else the run's), -pthread, the include paths, the configured flags, the case's
// flags: what the job compiles with, and so what its PCH must be built with.
std::vector<std::string> compile_flags(const Case& c, const RunSettings& s);

// Builds the PCH `output` of `stub` with exactly `flags` (from compile_flags), in `root`.
// Clang also instantiates the header's pending templates into the PCH
// (-fpch-instantiate-templates), so no case pays for them again: ~20% of a
// small case's compile. Diagnostics are unchanged (the PCH test proves it).
Command pch_command(const Compiler& compiler, const std::vector<std::string>& flags, const std::filesystem::path& stub,
                    const std::filesystem::path& output, const std::filesystem::path& depfile,
                    const std::filesystem::path& root);

// Links `object` (compile_command with object_only) into `program`, without the
// launcher: a launcher distributes compiles (distcc runs only `-c` remotely), links stay local.
Command link_command(const Compiler& compiler, const Case& c, const RunSettings& s, const std::filesystem::path& object,
                     const std::filesystem::path& program);

// Only lists what the case includes (-M into `depfile`), for a compile that
// stopped before writing its own: GCC writes no -MD file under -Wfatal-errors.
Command depfile_command(const Compiler& compiler, const Case& c, const RunSettings& s,
                        const std::filesystem::path& depfile);

Command tidy_command(const Checker& checker, const Case& c, const RunSettings& s);

Command program_command(const std::filesystem::path& program, const std::filesystem::path& run_dir);

// What a run case's program may use unless its `//@ limits:` says otherwise.
inline constexpr unsigned long default_program_memory = 4ul << 30;     // address space
inline constexpr unsigned long default_program_file_size = 64ul << 20;  // any one file it writes
inline constexpr unsigned long default_program_output = 4ul << 20;     // stdout, and stderr, each

Limits compile_limits(const RunSettings& s);
// Timeout from `//@ timeout:` or the run's; CPU seconds, address space and file size capped.
Limits program_limits(const Case& c, const RunSettings& s);

// `cmd` run through `launcher` (its words first); unchanged when it is empty.
Command with_launcher(Command cmd, const std::vector<std::string>& launcher);

// What the launcher itself printed, taken out of a compile's stderr so the
// diagnostics parser sees the compiler's words only: lines that start with the
// launcher's name and `[` or `:` ("distcc[42] ERROR: ...", "ccache: error: ...").
std::vector<std::string> take_launcher_lines(std::string& err, const std::vector<std::string>& launcher);

// Why a compile run through `launcher` failed on the launcher's side, not the
// case's: it could not start, or it exited non-zero having said "error" itself
// while the compiler said none (`result.err` without the launcher's lines):
// distcc also says "ERROR: compile x.cpp on host failed" after an ordinary
// compile error, which is the case's. nullopt: the compiler's verdict stands. Pure.
std::optional<std::string> launcher_failure(const ProcessResult& result, const std::vector<std::string>& launcher,
                                            const std::vector<std::string>& launcher_lines);

// A shell-pasteable rendering: `cd ROOT && LC_ALL=C g++ ... 'a b'`.
std::string shell_line(const Command& cmd);

// The compiler said it could not use the PCH (GCC's -Winvalid-pch warning,
// Clang's PCH errors). Pure.
bool pch_rejected(std::string_view compiler_stderr);

}  // namespace fearless::check
