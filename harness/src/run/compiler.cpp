#include "run/compiler.hpp"

#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <boost/regex.hpp>

#include "run/process/process.hpp"

namespace fearless::check {

std::string_view family_name(Family f) {
    switch (f) {
        case Family::gcc:
            return "gcc";
        case Family::clang:
            return "clang";
        case Family::unknown:
            return "unknown";
    }
    return "?";
}

const std::vector<std::string>& default_compiler_candidates() {
    static const std::vector<std::string> names = {"g++", "clang++", "clang++-19", "clang++-22"};
    return names;
}

std::optional<std::pair<Family, int>> parse_version_output(std::string_view text) {
    std::string s(text.substr(0, text.find('\n')));
    boost::smatch m;
    // "Debian clang version 14.0.6", "clang version 19.1.7 (...)", "Apple clang version 15.0.0"
    static const boost::regex clang_re(R"(clang version (\d+)\.)");
    // "g++ (Debian 12.2.0-14) 12.2.0", "g++-13 (GCC) 13.1.0"
    static const boost::regex gcc_re(R"(^\S*(g\+\+|gcc|c\+\+)\S* \(.*\) (\d+)\.)");
    if (boost::regex_search(s, m, clang_re)) return std::pair{Family::clang, std::stoi(m[1].str())};
    if (boost::regex_search(s, m, gcc_re)) return std::pair{Family::gcc, std::stoi(m[2].str())};
    return std::nullopt;
}

std::optional<std::string> executable_stamp(const std::string& command) {
    auto found = find_program(command);
    if (!found) return std::nullopt;
    std::error_code ec;
    auto real = std::filesystem::canonical(std::filesystem::absolute(*found), ec);
    if (ec) return std::nullopt;
    auto size = std::filesystem::file_size(real, ec);
    if (ec) return std::nullopt;
    auto mtime = std::filesystem::last_write_time(real, ec);
    if (ec) return std::nullopt;
    return fmt::format("{} {} {}", real.string(), size, static_cast<long long>(mtime.time_since_epoch().count()));
}

Compiler identify_compiler(const std::string& command, const RunStep& run, const VersionCache* cache) {
    Compiler c{command, Family::unknown, 0, command, {}, {}};
    auto stamp = executable_stamp(command);
    if (!stamp) {
        c.problem = fmt::format("compiler '{}' not found", command);
        return c;
    }
    std::optional<std::string> cached = cache && cache->load ? cache->load(*stamp) : std::nullopt;
    ProcessResult r;
    if (cached) {
        r.outcome = Outcome::exited;
        r.exit_code = 0;
        r.out = *cached;
    } else {
        r = run(Command{{command, "--version"}, {}, {{"LC_ALL", "C"}}, {}});
    }
    if (r.outcome != Outcome::exited || r.exit_code != 0) {
        c.problem = fmt::format("compiler '{}' --version: {}", command, describe(r));
        return c;
    }
    // The identity names the executable (not the command: g++ and g++-12 are one compiler).
    c.identity = stamp->substr(0, stamp->find(' ')) + "\n" + r.out;
    auto id = parse_version_output(r.out);
    if (!id) {
        c.problem = fmt::format("compiler '{}' is neither GCC nor Clang (--version says: {})", command,
                                r.out.substr(0, r.out.find('\n')));
        return c;
    }
    c.family = id->first;
    c.major = id->second;
    if (!cached && cache && cache->save) cache->save(*stamp, r.out);
    c.label = fmt::format("{}-{}", family_name(c.family), c.major);
    return c;
}

void disambiguate_labels(std::vector<Compiler>& compilers) {
    std::map<std::string, int> count;
    for (const auto& c : compilers) ++count[c.label];
    for (auto& c : compilers)
        if (count[c.label] > 1 && c.label != c.command) c.label += fmt::format(" ({})", c.command);
}

bool satisfies(const Compiler& compiler, const std::vector<CompilerReq>& only) {
    if (only.empty()) return true;
    for (const auto& r : only) {
        if (r.family != family_name(compiler.family)) continue;
        int v = compiler.major;
        bool ok = r.op.empty() || (r.op == ">=" && v >= r.version) || (r.op == ">" && v > r.version) ||
                  (r.op == "<=" && v <= r.version) || (r.op == "<" && v < r.version) ||
                  (r.op == "==" && v == r.version);
        if (ok) return true;
    }
    return false;
}

}  // namespace fearless::check
