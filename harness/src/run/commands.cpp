#include "run/commands.hpp"

#include <cmath>

#include <fmt/format.h>

namespace fearless::check {

namespace {

std::string no_colour(const Compiler& compiler) {
    return compiler.family == Family::gcc ? "-fno-diagnostics-color" : "-fno-color-diagnostics";
}

std::map<std::string, std::string> compiler_env() {
    return {{"LC_ALL", "C"}};
}
std::vector<std::string> compiler_env_remove() {
    return {"GCC_COLORS", "CLICOLOR_FORCE", "CPLUS_INCLUDE_PATH", "GCC_URLS"};
}

}  // namespace

std::vector<std::string> compile_flags(const Case& c, const RunSettings& s) {
    std::vector<std::string> args = {"-std=c++20", "-pthread"};
    for (const auto& inc : s.includes) args.push_back("-I" + inc);
    args.insert(args.end(), s.flags.begin(), s.flags.end());
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    return args;
}

Command compile_command(const Compiler& compiler, const Case& c, const RunSettings& s,
                        const std::optional<std::filesystem::path>& output, const CompileExtras& extras) {
    Command cmd;
    cmd.argv.push_back(compiler.command);
    auto flags = compile_flags(c, s);
    cmd.argv.insert(cmd.argv.end(), flags.begin(), flags.begin() + 2);  // -std, -pthread first
    cmd.argv.push_back(no_colour(compiler));
    for (const auto& d : extras.quote_dirs) cmd.argv.insert(cmd.argv.end(), {"-iquote", d});
    cmd.argv.insert(cmd.argv.end(), flags.begin() + 2, flags.end());
    cmd.argv.insert(cmd.argv.end(), extras.pch_args.begin(), extras.pch_args.end());
    if (extras.depfile) cmd.argv.insert(cmd.argv.end(), {"-MD", "-MF", extras.depfile->string()});
    if (output) {
        cmd.argv.push_back("-o");
        cmd.argv.push_back(output->string());
    } else {
        cmd.argv.push_back("-fsyntax-only");
    }
    cmd.argv.push_back(extras.source ? extras.source->string() : c.file.string());
    cmd.cwd = s.root;
    cmd.env = compiler_env();
    cmd.env_remove = compiler_env_remove();
    return cmd;
}

Command pch_command(const Compiler& compiler, const std::vector<std::string>& flags, const std::filesystem::path& stub,
                    const std::filesystem::path& output, const std::filesystem::path& depfile,
                    const std::filesystem::path& root) {
    Command cmd;
    cmd.argv.push_back(compiler.command);
    cmd.argv.insert(cmd.argv.end(), flags.begin(), flags.begin() + 2);
    cmd.argv.push_back(no_colour(compiler));
    cmd.argv.insert(cmd.argv.end(), flags.begin() + 2, flags.end());
    if (compiler.family == Family::clang) cmd.argv.push_back("-fpch-instantiate-templates");
    cmd.argv.insert(cmd.argv.end(),
                    {"-MD", "-MF", depfile.string(), "-x", "c++-header", stub.string(), "-o", output.string()});
    cmd.cwd = root;
    cmd.env = compiler_env();
    cmd.env_remove = compiler_env_remove();
    return cmd;
}

Command tidy_command(const Checker& checker, const Case& c, const RunSettings& s) {
    Command cmd;
    cmd.argv = {s.clang_tidy, fmt::format("--checks=-*,{}", fmt::join(checker.checks, ",")), "--quiet", c.file.string(),
                "--"};
    auto flags = compile_flags(c, s);
    cmd.argv.insert(cmd.argv.end(), flags.begin(), flags.end());
    cmd.cwd = s.root;
    cmd.env = compiler_env();
    cmd.env_remove = compiler_env_remove();
    return cmd;
}

Command program_command(const std::filesystem::path& program, const std::filesystem::path& run_dir) {
    Command cmd;
    cmd.argv = {program.string()};
    cmd.cwd = run_dir;
    return cmd;
}

Limits compile_limits(const RunSettings& s) {
    Limits l;
    l.timeout = s.timeout;
    return l;
}

Limits program_limits(const Case& c, const RunSettings& s) {
    Limits l;
    l.timeout = c.timeout_s ? std::chrono::milliseconds(static_cast<long long>(*c.timeout_s * 1000)) : s.timeout;
    // The CPU limit backs up the wall clock; a deadlocked program burns none.
    l.cpu_seconds = static_cast<unsigned long>(std::ceil(static_cast<double>(l.timeout.count()) / 1000.0)) + 1;
    l.address_space = c.limits.memory.value_or(default_program_memory);
    l.file_size = c.limits.file.value_or(default_program_file_size);
    l.output_cap = c.limits.output.value_or(default_program_output);
    l.kill_past_output_cap = true;  // a flood is ended, not read for the whole timeout
    l.kill_left_behind = true;      // a grandchild in a session of its own is found by the pipes it holds
    return l;
}

std::string shell_line(const Command& cmd) {
    auto quote = [](const std::string& a) {
        if (!a.empty() &&
            a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=/.,:@%") ==
                std::string::npos)
            return a;
        std::string q = "'";
        for (char ch : a) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
        return q + "'";
    };
    std::string line;
    if (!cmd.cwd.empty()) line += fmt::format("cd {} && ", quote(cmd.cwd.string()));
    for (const auto& [k, v] : cmd.env) line += fmt::format("{}={} ", k, quote(v));
    std::vector<std::string> q;
    for (const auto& a : cmd.argv) q.push_back(quote(a));
    return line + fmt::format("{}", fmt::join(q, " "));
}

bool pch_rejected(std::string_view err) {
    return err.find("[-Winvalid-pch]") != std::string_view::npos ||
           err.find("precompiled header") != std::string_view::npos || err.find("PCH file") != std::string_view::npos;
}

}  // namespace fearless::check
