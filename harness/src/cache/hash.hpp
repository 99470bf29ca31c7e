// Content hashes for the result cache: xxHash's XXH3 (Debian's libxxhash).
//
//     Hasher h;
//     h.add("g++").add(file_text);
//     std::string key = h.hex();   // 32 hex digits, the same on every run and machine
//
// Each add() is length-prefixed, so ("ab","c") and ("a","bc") hash apart.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fearless::check {

class Hasher {
  public:
    Hasher();
    ~Hasher();
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    Hasher& add(std::string_view bytes);
    Hasher& add(std::uint64_t n);
    // The 128-bit digest so far, as 32 lowercase hex digits.
    std::string hex() const;

  private:
    void* state_;  // XXH3_state_t*
};

// The 64-bit XXH3 of `bytes`, as 16 hex digits.
std::string hash_hex(std::string_view bytes);

// The hash of a file's content; nullopt if it cannot be read.
std::optional<std::string> hash_file(const std::filesystem::path& path);

}  // namespace fearless::check
