// A case's blessed diagnostics grouped by what they say: one group per
// distinct snapshot, labelled with the compilers it holds for.
//
//   16-14.stderr + 16-14.clang-22.stderr  →  "gcc, clang except 22" | "clang 22"
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "case/case.hpp"

namespace fearless::check {

struct SnapshotGroup {
    std::vector<std::string> holds_for;        // "gcc", "clang except 22", "clang 14 and 22"
    std::string text;                          // the normalized snapshot
    std::vector<std::filesystem::path> files;  // the expected file(s) it comes from
    std::string label() const;                 // holds_for joined by ", "
};

// Looks up each compiler the expected files can tell apart (one per version
// they name, one for every other version, per family the case's `only:`
// allows) with the harness's own expected-file lookup; empty when no
// `.stderr` is blessed.
std::vector<SnapshotGroup> group_snapshots(const std::filesystem::path& expected_dir, const Case& c);

}  // namespace fearless::check
