#include "util/file.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace fearless::check {

bool write_file(const std::filesystem::path& path, const std::string& text, std::string* error) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    // Write then rename, so a reader never sees half a file.
    auto tmp = path;
    tmp += ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f) {
            if (error) *error = fmt::format("cannot write {}", path.string());
            return false;
        }
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        if (error) *error = fmt::format("cannot write {}: {}", path.string(), ec.message());
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

}  // namespace fearless::check
