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

}  // namespace fixtures
