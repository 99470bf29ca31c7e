#include "run/shard.hpp"

#include <charconv>
#include <cstdint>

#include <fmt/format.h>

namespace fearless::check {

namespace {

// FNV-1a, then a splitmix64 finish so nearby ids and shard numbers spread out.
// Fixed here (not std::hash) so that every machine computes the same split.
std::uint64_t stable_hash(std::string_view text, unsigned salt) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&](unsigned char byte) {
        h ^= byte;
        h *= 0x100000001b3ull;
    };
    for (char ch : text) mix(static_cast<unsigned char>(ch));
    mix(0);
    for (int i = 0; i < 4; ++i) mix(static_cast<unsigned char>(salt >> (8 * i)));
    h += 0x9e3779b97f4a7c15ull;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

std::optional<unsigned> number(std::string_view s) {
    unsigned v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<Shard> {
        if (error) *error = fmt::format("--shard {}: {}", text, why);
        return std::nullopt;
    };
    auto slash = text.find('/');
    if (slash == std::string_view::npos) return fail("expected K/N, e.g. 1/4");
    auto k = number(text.substr(0, slash)), n = number(text.substr(slash + 1));
    if (!k || !n) return fail("K and N must be whole numbers, e.g. 1/4");
    if (*n == 0 || *k == 0 || *k > *n) return fail("need 1 <= K <= N");
    return Shard{*k, *n};
}

unsigned shard_of(std::string_view job_id, unsigned count) {
    unsigned best = 1;
    std::uint64_t best_score = 0;
    for (unsigned k = 1; k <= count; ++k) {
        auto score = stable_hash(job_id, k);
        if (k == 1 || score > best_score) {
            best = k;
            best_score = score;
        }
    }
    return best;
}

std::string shard_name(const Shard& s) {
    return fmt::format("{}/{}", s.index, s.count);
}

}  // namespace fearless::check
