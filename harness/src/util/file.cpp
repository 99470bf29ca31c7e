#include "util/file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <unistd.h>

namespace fearless::check {

std::string unique_suffix() {
    static std::atomic<unsigned> counter{0};
    return fmt::format(".tmp-{}-{}", ::getpid(), counter++);
}

bool write_file(const std::filesystem::path& path, const std::string& text, std::string* error) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
        if (error) *error = fmt::format("cannot create the folder {}: {}", path.parent_path().string(), ec.message());
        return false;
    }
    auto tmp = path;
    tmp += unique_suffix();
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        errno = 0;
        f << text;
        // A full disk often shows only when the buffer is written out: check after the close.
        f.close();
        const int why = errno;
        if (!f) {
            if (error)
                *error = fmt::format("cannot write {}: {}", path.string(), why ? std::strerror(why) : "write failed");
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        if (error) *error = fmt::format("cannot write {}: {}", path.string(), ec.message());
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        return false;
    }
    return true;
}

std::optional<std::string> unreadable_reason(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto link = fs::symlink_status(path, ec);
    if (ec || link.type() == fs::file_type::not_found) return std::nullopt;
    const auto target = fs::status(path, ec);
    if (link.type() == fs::file_type::symlink && (ec || target.type() == fs::file_type::not_found))
        return ec && ec != std::errc::no_such_file_or_directory ? fmt::format("is a symlink that cannot be resolved ({})", ec.message())
                  : std::string("is a dangling symlink");
    if (ec) return ec.message();
    switch (target.type()) {
        case fs::file_type::regular:
            break;
        case fs::file_type::directory:
            return "is a folder, not a file";
        default:
            return "is not a regular file";
    }
    if (::access(path.c_str(), R_OK) != 0) return fmt::format("cannot be read ({})", std::strerror(errno));
    return std::nullopt;
}

std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error) {
    if (auto why = unreadable_reason(path)) {
        if (error) *error = fmt::format("{} {}", path.string(), *why);
        return std::nullopt;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        if (error) *error = fmt::format("{} cannot be read", path.string());
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    if (f.bad()) {
        if (error) *error = fmt::format("{}: read error", path.string());
        return std::nullopt;
    }
    return ss.str();
}

bool append_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary | std::ios::app);
    f << text;
    return static_cast<bool>(f.flush());
}

}  // namespace fearless::check
