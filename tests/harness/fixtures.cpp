#include "fixtures.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace fixtures {

std::string read(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    if (!f) throw std::runtime_error("missing fixture " + p.string());
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string raw(const std::string& snippet, const std::string& label) {
    return read(diagnostics() / (snippet + "." + label + ".stderr"));
}

std::map<std::string, std::string> files_under(const std::filesystem::path& dir) {
    std::map<std::string, std::string> out;
    if (!std::filesystem::exists(dir)) return out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out[e.path().lexically_relative(dir).generic_string()] = read(e.path());
    return out;
}

bool has_line(const std::string& out, const std::string& pattern) {
    return std::regex_search(out, std::regex("(^|\n)" + pattern + "(\n|$)"));
}

std::string last_line(const std::string& out) {
    auto end = out.find_last_not_of('\n');
    auto start = out.rfind('\n', end);
    return out.substr(start == std::string::npos ? 0 : start + 1,
                      end - (start == std::string::npos ? 0 : start + 1) + 1);
}

std::size_t count_of(const std::string& out, const std::string& text) {
    std::size_t n = 0;
    for (auto at = out.find(text); at != std::string::npos; at = out.find(text, at + text.size())) ++n;
    return n;
}

}  // namespace fixtures
