#include "util/path.hpp"

namespace fearless::check {

std::filesystem::path relative_to_root(const std::filesystem::path& root, const std::filesystem::path& p) {
    auto abs = (root / p).lexically_normal();
    auto rel = abs.lexically_relative(root.lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") return rel;
    return abs;
}

}  // namespace fearless::check
