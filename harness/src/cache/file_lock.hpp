// An exclusive lock on a file, held for the object's lifetime (flock(2)).
//
// Many fearless-check processes share one cache folder (ctest -j runs one per
// case): the lock makes the first of them build a precompiled header while
// the others wait, then find it built.
#pragma once

#include <filesystem>

namespace fearless::check {

class FileLock {
  public:
    // Blocks until the lock on `path` (created if missing) is held; held() is
    // false if the file cannot be opened or locked, and the caller goes on unlocked.
    explicit FileLock(const std::filesystem::path& path);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    bool held() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

}  // namespace fearless::check
