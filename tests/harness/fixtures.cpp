#include "fixtures.hpp"

#include <fstream>
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

}  // namespace fixtures
