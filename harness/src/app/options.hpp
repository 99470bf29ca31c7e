// The command line (SPEC §6), merged over the project config file. The
// defaults are the initializers below, and nowhere else.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "run/shard.hpp"

namespace fearless::check {

struct Options {
    std::filesystem::path root;  // the project root (--root, "root" in the config file, else the working directory)
    std::vector<std::string> paths;
    std::filesystem::path cases_dir = "cases";
    std::filesystem::path expected_dir = "expected";
    std::vector<std::string> compilers;               // empty: every default one found
    std::vector<std::string> includes = {"include"};  // -I
    std::vector<std::string> flags;                   // the config file's, then --flag's
    std::string std_version = "c++20";                // config "std"; a case's `//@ std:` wins
    unsigned jobs = 1;
    std::string filter;
    double timeout_s = 60;
    bool bless = false, list = false, list_tsv = false, verbose = false, no_cache = false, rerun_failed = false;
    std::optional<std::filesystem::path> junit, json;
    std::string clang_tidy = "clang-tidy";
    std::optional<std::filesystem::path> cache_dir;  // nullopt: default_cache_dir(root)
    std::string pch = "auto";                        // a header as included ("fearless/fearless.hpp"), "auto" or "none"
    std::string program = "fearless-check";          // as invoked, for the bless hint
    std::string bless_hint;                          // --bless-hint: named instead (a build target, say)
    bool expected_given = false;                     // --expected on the command line (repeat it in the hint)
    std::vector<std::string> rerun_args;             // --cases/--expected/--compiler/-I as given: the hint repeats them
    bool cases_given = false;                        // --cases on the command line (likewise)
    bool includes_given = false;                     // -I on the command line (likewise)
    bool root_moved = false;                         // the root is not the working directory
    std::optional<std::filesystem::path> book;       // --book DIR: write the book instead of running
    std::string explain;                             // --explain CASE: print its page instead of running
    std::optional<Shard> shard;                      // --shard K/N: only this shard's jobs
    bool merge_reports = false;                      // --merge-reports: PATHs are JSON reports to merge
    std::vector<std::string> launcher;               // --launcher CMD: put before every compiler command
};

struct ParsedCommandLine {
    std::optional<Options> options;  // nullopt: exit with exit_code after printing
    int exit_code = 0;
    std::string out, err;  // --help text, or the usage error
};

// Reads `fearless-check.json` in the root if present; command-line options win
// over it. `cwd` is where relative command-line paths start, and the root
// unless --root or the file's "root" says otherwise.
ParsedCommandLine parse_command_line(int argc, const char* const* argv, const std::filesystem::path& cwd);

// Where, besides the root, a file is the project's own and named relatively
// (util/path's shown_path): the cases and expected folders' parents, each -I
// folder, and the include folder installed next to this program.
std::vector<std::filesystem::path> own_dirs(const Options& o);

}  // namespace fearless::check
