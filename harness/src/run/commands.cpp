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
    std::vector<std::string> args = {"-std=" + (c.std_version.empty() ? s.std_version : c.std_version), "-pthread"};
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
        if (extras.object_only) cmd.argv.push_back("-c");
        cmd.argv.push_back("-o");
        cmd.argv.push_back(output->string());
    } else {
        cmd.argv.push_back("-fsyntax-only");
    }
    cmd.argv.push_back(extras.source ? extras.source->string() : c.file.string());
    cmd.cwd = s.root;
    cmd.env = compiler_env();
    cmd.env_remove = compiler_env_remove();
    return with_launcher(std::move(cmd), s.launcher);
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

Command link_command(const Compiler& compiler, const Case& c, const RunSettings& s, const std::filesystem::path& object,
                     const std::filesystem::path& program) {
    Command cmd;
    cmd.argv.push_back(compiler.command);
    auto flags = compile_flags(c, s);
    cmd.argv.insert(cmd.argv.end(), flags.begin(), flags.end());
    cmd.argv.push_back(no_colour(compiler));
    cmd.argv.insert(cmd.argv.end(), {object.string(), "-o", program.string()});
    cmd.cwd = s.root;
    cmd.env = compiler_env();
    cmd.env_remove = compiler_env_remove();
    return cmd;
}

Command depfile_command(const Compiler& compiler, const Case& c, const RunSettings& s,
                        const std::filesystem::path& depfile) {
    Command cmd;
    cmd.argv.push_back(compiler.command);
    auto flags = compile_flags(c, s);
    cmd.argv.insert(cmd.argv.end(), flags.begin(), flags.end());
    cmd.argv.insert(cmd.argv.end(), {"-M", "-MF", depfile.string(), c.file.string()});
    cmd.cwd = s.root;
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

Command with_launcher(Command cmd, const std::vector<std::string>& launcher) {
    cmd.argv.insert(cmd.argv.begin(), launcher.begin(), launcher.end());
    return cmd;
}

namespace {
// "distcc" of "env DISTCC_HOSTS=h distcc" or "/usr/bin/ccache": the last word that is not an option.
std::string launcher_name(const std::vector<std::string>& launcher) {
    for (auto it = launcher.rbegin(); it != launcher.rend(); ++it)
        if (!it->empty() && it->front() != '-' && it->find('=') == std::string::npos)
            return std::filesystem::path(*it).filename().string();
    return {};
}

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}
}  // namespace

std::vector<std::string> take_launcher_lines(std::string& err, const std::vector<std::string>& launcher) {
    const auto name = lower(launcher_name(launcher));
    if (name.empty()) return {};
    std::vector<std::string> taken;
    std::string kept;
    std::size_t start = 0;
    while (start < err.size()) {
        auto end = err.find('\n', start);
        auto line = err.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? err.size() : end + 1;
        const auto head = lower(line.substr(0, name.size() + 1));
        if (head == name + "[" || head == name + ":")
            taken.push_back(line);
        else
            kept += line + (end == std::string::npos ? "" : "\n");
    }
    err = std::move(kept);
    return taken;
}

std::optional<std::string> launcher_failure(const ProcessResult& result, const std::vector<std::string>& launcher,
                                            const std::vector<std::string>& launcher_lines) {
    if (launcher.empty()) return std::nullopt;
    const auto shown = fmt::format("{}", fmt::join(launcher, " "));
    if (result.outcome == Outcome::failed_to_start)
        return fmt::format("the launcher `{}` could not start ({}): not the case's failure", shown, result.start_error);
    if (result.outcome != Outcome::exited || result.exit_code == 0) return std::nullopt;
    if (lower(result.err).find("error") != std::string::npos) return std::nullopt;
    for (const auto& l : launcher_lines)
        if (lower(l).find("error") != std::string::npos)
            return fmt::format("the launcher `{}` failed (exit {}): not the case's failure: {}", shown,
                               result.exit_code, l);
    return std::nullopt;
}

bool pch_rejected(std::string_view err) {
    return err.find("[-Winvalid-pch]") != std::string_view::npos ||
           err.find("precompiled header") != std::string_view::npos || err.find("PCH file") != std::string_view::npos;
}

}  // namespace fearless::check
