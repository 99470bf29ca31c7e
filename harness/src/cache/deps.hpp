// What a compile read: the compiler's dependency output (-MD -MF), and the
// content hash of each file, computed once per run however many jobs share it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fearless/mutex.hpp>

namespace fearless::check {

// A dependency and the hash of its content when the job ran.
struct Dependency {
    std::string path;  // as the compiler wrote it: relative to the root, or absolute
    std::string hash;  // hash_file() of it; "-" if it could not be read
};

// Content hashes, memoized: each file is read at most once per run. Thread-safe.
class FileHashes {
  public:
    explicit FileHashes(std::filesystem::path root) : root_(std::move(root)) {}
    std::string hash(const std::string& path);  // "-" when unreadable
    // Every dependency still has the content it had.
    bool unchanged(const std::vector<Dependency>& deps);
    std::vector<Dependency> snapshot(const std::vector<std::string>& paths);

  private:
    std::filesystem::path root_;
    fearless::Mutex<std::map<std::string, std::string>> hashes_;  // path -> hash
};

}  // namespace fearless::check
