#include "util/path.hpp"

namespace fearless::check {

namespace {

// `abs` relative to `base` if under it (lexically, else once both are canonical); empty if not.
std::filesystem::path under(const std::filesystem::path& base, const std::filesystem::path& abs) {
    auto inside = [](const std::filesystem::path& rel) { return !rel.empty() && *rel.begin() != ".."; };
    auto rel = abs.lexically_relative(base.lexically_normal());
    if (inside(rel)) return rel;
    rel = canonical_path(abs).lexically_relative(canonical_path(base));
    if (inside(rel)) return rel;
    return {};
}

}  // namespace

std::filesystem::path canonical_path(const std::filesystem::path& p) {
    std::error_code ec;
    auto abs = std::filesystem::absolute(p, ec);
    if (ec) return p.lexically_normal();
    auto c = std::filesystem::weakly_canonical(abs, ec);
    return (ec ? abs : c).lexically_normal();
}

std::filesystem::path relative_to_root(const std::filesystem::path& root, const std::filesystem::path& p) {
    return shown_path(root, {}, p);
}

std::filesystem::path shown_path(const std::filesystem::path& root, const std::vector<std::filesystem::path>& others,
                                 const std::filesystem::path& p) {
    auto abs = (root / p).lexically_normal();
    if (auto rel = under(root, abs); !rel.empty()) return rel;
    for (const auto& base : others)
        if (auto rel = under(base, abs); !rel.empty()) return rel;
    return abs;
}

}  // namespace fearless::check
