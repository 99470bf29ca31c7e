// Whole-file reads and writes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace fearless::check {

// Writes `text` to `path`, creating its directory (for --bless and would-be files).
bool write_file(const std::filesystem::path& path, const std::string& text, std::string* error = nullptr);
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace fearless::check
