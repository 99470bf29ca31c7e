#include "util/file.hpp"

#include <atomic>
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
    auto tmp = path;
    tmp += unique_suffix();
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f) {
            if (error) *error = fmt::format("cannot write {}", path.string());
            f.close();
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

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return std::nullopt;
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

bool append_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary | std::ios::app);
    f << text;
    return static_cast<bool>(f.flush());
}

}  // namespace fearless::check
