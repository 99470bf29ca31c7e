// Attributed errors → what a snapshot holds: the same on every run and machine.
//
// A list of named, ordered steps, each a small pure function. A snapshot is
// compared with the output of all the steps, so a new step changes every
// snapshot it touches: re-bless them, and bump harness_version
// (cache/result_cache.hpp) so that no cached verdict outlives it.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "diagnostics/finding.hpp"

namespace fearless::check {

struct NormalizeContext {
    std::filesystem::path root;  // the compilers' working directory; paths under it become relative
    // Where else a file is the project's own, named relative to the first that
    // holds it (util/path's shown_path): the cases and expected folders' parents, the -I folders.
    std::vector<std::filesystem::path> others = {};
};

using Findings = std::vector<Finding>;

struct NormalizeStep {
    std::string_view name;
    std::function<Findings(Findings, const NormalizeContext&)> apply;
};

// relative_paths, unify_static_assert, keep_teaching_notes, drop_duplicates, order_by_line,
// drop_notes_the_message_says.
const std::vector<NormalizeStep>& normalize_steps();

Findings normalize(Findings findings, const NormalizeContext& ctx);

// The individual steps, for tests.
Findings relative_paths(Findings f, const NormalizeContext& ctx);
Findings unify_static_assert(Findings f, const NormalizeContext& ctx);
Findings keep_teaching_notes(Findings f, const NormalizeContext& ctx);
Findings drop_duplicates(Findings f, const NormalizeContext& ctx);
Findings order_by_line(Findings f, const NormalizeContext& ctx);
Findings drop_notes_the_message_says(Findings f, const NormalizeContext& ctx);

}  // namespace fearless::check
