// Finding case files, and expected files that no longer have a case.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fearless::check {

struct PathProblem {
    std::string path;     // as given, e.g. "cases/nope.cpp"
    std::string message;  // "no case matches it ..."
};

struct Discovery {
    std::vector<std::filesystem::path> files;  // *.cpp, sorted, relative to root when under it
    std::vector<PathProblem> problems;         // each a failure of its own, never a silent pass
};

// `paths` empty: every case under `cases_dir`. A path is a case file or a
// folder searched recursively. `filter`: keep files whose path contains it.
Discovery discover_cases(const std::filesystem::path& root, const std::filesystem::path& cases_dir,
                         const std::vector<std::string>& paths, const std::string& filter);

// "topic/name" for cases/topic/name.cpp: where its expected files live.
std::string case_id(const std::filesystem::path& root, const std::filesystem::path& cases_dir,
                    const std::filesystem::path& file);

// An expected file's name taken apart: "name.clang-14.stderr" →
// {"name", "clang-14", "stderr"}; the qualifier is "" for "name.stderr".
struct ExpectedName {
    std::string stem, qualifier, ext;
};
std::optional<ExpectedName> parse_expected_name(const std::string& filename);

// Expected files (`*.stderr`, `*.stdout`, with or without a compiler qualifier)
// whose case file does not exist.
std::vector<std::filesystem::path> find_stale_expected(const std::filesystem::path& root,
                                                       const std::filesystem::path& expected_dir,
                                                       const std::filesystem::path& cases_dir);

}  // namespace fearless::check
