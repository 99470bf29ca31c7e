// Whole-file reads and writes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace fearless::check {

// Writes `text` to `path`, creating its folder, through a temporary file
// (unique_suffix) and a rename: a reader never sees half a file, and two
// writers of the same path never share the temporary one. `error` (if given)
// says what failed.
bool write_file(const std::filesystem::path& path, const std::string& text, std::string* error = nullptr);

// ".tmp-PID-N": a suffix for a temporary file that no other writer, in this
// process or another, uses.
std::string unique_suffix();

// Appends `text` to `path` (creating it): for files others write too, like
// $GITHUB_STEP_SUMMARY. false: it could not be opened or written.
bool append_file(const std::filesystem::path& path, const std::string& text);


// nullopt: the file cannot be read. Only a regular file (or a symlink to one)
// is read: a folder, a FIFO or a device is never opened, so a read cannot hang
// or return a folder as empty text. `error` (if given) says why it failed.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error = nullptr);

// Why `path` exists in some form but cannot be read as a file ("is a folder",
// "is a dangling symlink", ...); nullopt when it is a readable file or does not exist at all.
std::optional<std::string> unreadable_reason(const std::filesystem::path& path);

}  // namespace fearless::check
