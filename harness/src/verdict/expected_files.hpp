// Expected files: which one applies to a compiler, and what --bless writes.
//
//   expected/<id>.stderr             every compiler
//   expected/<id>.gcc.stderr         one family   (wins over the above)
//   expected/<id>.clang-14.stderr    one version  (wins over both)
//
// --bless writes the least specific file that is true for every compiler run:
// one shared file when all agree, else one per family (holding what most of
// its versions say), and a per-version file only for a version that differs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "run/compiler.hpp"

namespace fearless::check {

// Most specific first. `ext` is "stderr" or "stdout".
std::vector<std::filesystem::path> expected_candidates(const std::filesystem::path& expected_dir, const std::string& id,
                                                       std::string_view ext, const Compiler& compiler);

struct ExpectedFile {
    std::filesystem::path path;       // the file that applies, or the one --bless would write
    std::optional<std::string> text;  // nullopt: missing, or unusable (then `problem` says why)
    std::string problem;              // e.g. "expected/x.stderr is a folder, not a file"
};

// Reads the first candidate that exists. One that exists but cannot be read
// (a folder, a dangling symlink, unreadable) stops the search with a problem:
// a less specific file must not silently stand in for it.
ExpectedFile load_expected(const std::filesystem::path& expected_dir, const std::string& id, std::string_view ext,
                           const Compiler& compiler);

struct BlessOutput {
    const Compiler* compiler;
    std::string text;
};

struct BlessPlan {
    std::vector<std::pair<std::filesystem::path, std::string>> writes;
    std::vector<std::filesystem::path> removals;  // more specific files that would shadow the writes
};

// Pure: what to write for one case given what each compiler produced.
BlessPlan plan_bless(const std::filesystem::path& expected_dir, const std::string& id, std::string_view ext,
                     const std::vector<BlessOutput>& outputs);

// Writes and removes; returns a description per failure (empty: all done) and
// leaves in `plan` only what was done.
std::vector<std::string> apply_bless(BlessPlan& plan);

}  // namespace fearless::check
