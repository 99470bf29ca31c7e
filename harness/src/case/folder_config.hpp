// A cases folder's own `fearless-check.json`: how the cases under it are
// annotated, for a suite brought in as it is.
//
//     { "annotations": "verify", "verify_prefixes": ["expected", "cxx20"] }
//
// The nearest such file between a case and the cases folder (inclusive)
// applies; the project root's fearless-check.json is the project's config,
// never a folder's.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fearless::check {

struct FolderConfig {
    bool verify = false;                        // "annotations": "verify" (default "rustc": //~ ERROR)
    std::vector<std::string> verify_prefixes;   // -verify=a,b; empty: "expected"
    std::optional<std::filesystem::path> file;  // where it was read from, when one applies
    std::string problem;                        // "FILE: what is wrong"; the cases under it are malformed
};

// Parses one folder config (pure); `file_name` names it in problems.
FolderConfig parse_folder_config(const std::string& json_text, const std::string& file_name);

// The config that applies to `case_file` (relative to `root`), read from disk.
FolderConfig folder_config_for(const std::filesystem::path& root, const std::filesystem::path& cases_dir,
                               const std::filesystem::path& case_file);

}  // namespace fearless::check
