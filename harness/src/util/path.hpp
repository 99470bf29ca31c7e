// Paths as the harness shows and writes them: relative to the project root when
// under it, so that nothing it writes holds an absolute path it need not, and
// the same whatever form (absolute, `..`, through a symlink) the user gave.
#pragma once

#include <filesystem>
#include <vector>

namespace fearless::check {

// `p` made absolute (against the working directory) and free of `..` and
// symlinks, as far as it exists.
std::filesystem::path canonical_path(const std::filesystem::path& p);

// `p` (absolute, or relative to `root`) normalized, relative to `root` when
// under it, else absolute.
std::filesystem::path relative_to_root(const std::filesystem::path& root, const std::filesystem::path& p);

// How a file is named to the user: relative to `root` when under it, else
// relative to the first of `others` that holds it (the cases and expected
// folders' parents, the include folders), else absolute. Under means lexically
// or once both are canonical, so a symlinked spelling names the same file alike.
std::filesystem::path shown_path(const std::filesystem::path& root, const std::vector<std::filesystem::path>& others,
                                 const std::filesystem::path& p);

}  // namespace fearless::check
