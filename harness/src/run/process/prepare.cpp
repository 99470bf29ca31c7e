#include "run/process/prepare.hpp"

#include <cerrno>
#include <cstdlib>
#include <string_view>

#include <fcntl.h>
#include <boost/system/error_code.hpp>

extern char** environ;

namespace fearless::check {
namespace proc {
namespace {

namespace fs = std::filesystem;

std::string errno_text(int err) {
    return boost::system::generic_category().message(err);
}

RlimitSetting make_rlimit(int resource, std::optional<unsigned long> limit, unsigned long hard_extra) {
    RlimitSetting s;
    if (!limit) return s;
    rlimit current{};
    if (::getrlimit(resource, &current) != 0) return s;
    rlim_t soft = static_cast<rlim_t>(*limit);
    rlim_t hard = soft + hard_extra;
    // An unprivileged process cannot raise its hard limit: stay under it.
    if (current.rlim_max != RLIM_INFINITY) {
        if (hard > current.rlim_max) hard = current.rlim_max;
        if (soft > hard) soft = hard;
    }
    s.resource = resource;
    s.value = rlimit{soft, hard};
    return s;
}

// The environment of the child, as "NAME=value" strings.
std::vector<std::string> child_environment(const Command& cmd) {
    auto removed = [&](std::string_view name) {
        for (const std::string& r : cmd.env_remove) {
            if (r == name) return true;
        }
        return cmd.env.count(std::string(name)) != 0;
    };
    std::vector<std::string> env;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
        std::string_view entry(*e);
        std::string_view name = entry.substr(0, entry.find('='));
        if (!removed(name)) env.emplace_back(entry);
    }
    for (const auto& [name, value] : cmd.env) {
        bool also_removed = false;
        for (const std::string& r : cmd.env_remove) also_removed = also_removed || r == name;
        if (!also_removed) env.push_back(name + "=" + value);
    }
    return env;
}

}  // namespace

bool is_executable_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

namespace {

// Resolves argv[0] as exec would, or says why it cannot.
std::optional<fs::path> resolve_program(const Command& cmd, std::string& why) {
    const std::string& name = cmd.argv.front();
    if (name.empty()) {
        why = "empty program name";
        return std::nullopt;
    }
    if (name.find('/') != std::string::npos) {
        std::error_code ec;
        fs::path p = fs::absolute(name, ec);
        if (ec) p = name;
        if (!fs::exists(p, ec)) {
            why = "no such file: " + name;
            return std::nullopt;
        }
        if (!is_executable_file(p)) {
            why = "not an executable file: " + name;
            return std::nullopt;
        }
        return p;
    }
    auto path_in_env = cmd.env.find("PATH");
    std::optional<fs::path> found;
    if (path_in_env != cmd.env.end()) {
        found = find_program(name, path_in_env->second);
    } else {
        found = find_program(name);
    }
    if (!found) why = "no such file: " + name + " (not found on PATH)";
    return found;
}

}  // namespace

std::optional<Prepared> prepare(const Command& cmd, const Limits& limits, std::string& why) {
    if (cmd.argv.empty()) {
        why = "empty command";
        return std::nullopt;
    }
    Prepared p;
    auto program = resolve_program(cmd, why);
    if (!program) return std::nullopt;
    p.program = std::move(*program);
    if (!cmd.cwd.empty()) {
        std::error_code ec;
        if (!fs::is_directory(cmd.cwd, ec)) {
            why = "no such working directory: " + cmd.cwd.string();
            return std::nullopt;
        }
    }
    p.env = child_environment(cmd);
    for (const std::string& e : p.env) p.envp.push_back(e.c_str());
    p.envp.push_back(nullptr);
    // argv[0] as the user wrote it (v2's default would put the resolved path there).
    for (const std::string& a : cmd.argv) p.argv.push_back(a.c_str());
    p.argv.push_back(nullptr);

    p.dev_null = above_stdio(Fd{::open("/dev/null", O_RDONLY | O_CLOEXEC)});
    if (!p.dev_null) {
        why = "cannot open /dev/null: " + errno_text(errno);
        return std::nullopt;
    }
    int err = 0;
    std::optional<Pipe> out = make_pipe(err);
    std::optional<Pipe> errp = out ? make_pipe(err) : std::nullopt;
    if (!out || !errp) {
        why = "cannot create a pipe: " + errno_text(err);
        return std::nullopt;
    }
    p.out = std::move(*out);
    p.err = std::move(*errp);
    p.rlimits = {make_rlimit(RLIMIT_CPU, limits.cpu_seconds, 1), make_rlimit(RLIMIT_AS, limits.address_space, 0),
                 make_rlimit(RLIMIT_FSIZE, limits.file_size, 0)};
    return p;
}

}  // namespace proc

std::optional<std::filesystem::path> find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    // POSIX leaves an unset PATH to the implementation; glibc's execvp uses this.
    return find_program(name, path != nullptr ? path : "/bin:/usr/bin");
}

std::optional<std::filesystem::path> find_program(const std::string& name, const std::string& path_var) {
    if (name.empty()) return std::nullopt;
    if (name.find('/') != std::string::npos) {
        if (proc::is_executable_file(name)) return std::filesystem::path(name);
        return std::nullopt;
    }
    std::size_t begin = 0;
    while (begin <= path_var.size()) {
        std::size_t end = path_var.find(':', begin);
        if (end == std::string::npos) end = path_var.size();
        std::string dir = path_var.substr(begin, end - begin);
        std::filesystem::path candidate = dir.empty() ? std::filesystem::path(name) : std::filesystem::path(dir) / name;
        if (proc::is_executable_file(candidate)) {
            std::error_code ec;
            std::filesystem::path absolute = std::filesystem::absolute(candidate, ec);
            return ec ? candidate : absolute;
        }
        begin = end + 1;
    }
    return std::nullopt;
}

}  // namespace fearless::check
