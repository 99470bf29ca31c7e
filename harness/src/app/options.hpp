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
    std::filesystem::path root;  // the project root: the working directory
    std::vector<std::string> paths;
    std::filesystem::path cases_dir = "cases";
    std::filesystem::path expected_dir = "expected";
    std::vector<std::string> compilers;               // empty: every default one found
    std::vector<std::string> includes = {"include"};  // -I
    std::vector<std::string> flags;                   // from the config file
    std::string std_version = "c++20";                // config "std"; a case's `//@ std:` wins
    unsigned jobs = 1;
    std::string filter;
    double timeout_s = 60;
    bool bless = false, list = false, verbose = false, no_cache = false;
    std::optional<std::filesystem::path> junit, json;
    std::string clang_tidy = "clang-tidy";
    std::optional<std::filesystem::path> cache_dir;  // nullopt: default_cache_dir(root)
    std::string pch = "auto";                        // a header as included ("fearless/fearless.hpp"), "auto" or "none"
    std::string program = "fearless-check";          // as invoked, for the bless hint
    bool expected_given = false;                     // --expected on the command line (repeat it in the hint)
    std::vector<std::string> rerun_args;             // --cases/--expected/--compiler/-I as given: the hint repeats them
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

// Reads `root/fearless-check.json` if present; command-line options win over it.
ParsedCommandLine parse_command_line(int argc, const char* const* argv, const std::filesystem::path& root);

}  // namespace fearless::check
