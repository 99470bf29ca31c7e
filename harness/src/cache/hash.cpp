#include "cache/hash.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>
#include <xxhash.h>

namespace fearless::check {

namespace {
XXH3_state_t* state(void* p) {
    return static_cast<XXH3_state_t*>(p);
}
}  // namespace

Hasher::Hasher() : state_(XXH3_createState()) {
    if (!state_ || XXH3_128bits_reset(state(state_)) != XXH_OK)
        throw std::runtime_error("xxHash: cannot create a hash state");
}

Hasher::~Hasher() {
    XXH3_freeState(state(state_));
}

Hasher& Hasher::add(std::string_view bytes) {
    add(static_cast<std::uint64_t>(bytes.size()));
    XXH3_128bits_update(state(state_), bytes.data(), bytes.size());
    return *this;
}

Hasher& Hasher::add(std::uint64_t n) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(n >> (8 * i));
    XXH3_128bits_update(state(state_), b, sizeof b);
    return *this;
}

std::string Hasher::hex() const {
    XXH128_hash_t h = XXH3_128bits_digest(state(state_));
    return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

std::string hash_hex(std::string_view bytes) {
    return fmt::format("{:016x}", XXH3_64bits(bytes.data(), bytes.size()));
}

std::optional<std::string> hash_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return hash_hex(text);
}

}  // namespace fearless::check
