// Paths as the harness writes them: relative to the project root when under it,
// so that nothing it writes holds an absolute path it need not.
#pragma once

#include <filesystem>

namespace fearless::check {

// `p` (absolute, or relative to `root`) normalized, relative to `root` when
// under it, else absolute.
std::filesystem::path relative_to_root(const std::filesystem::path& root, const std::filesystem::path& p);

}  // namespace fearless::check
