#include "runner.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

#include "commands.hpp"

namespace fearless::check {

namespace {

// A fresh directory removed when the job is done.
class TempDir {
public:
    TempDir() {
        auto pattern = (std::filesystem::temp_directory_path() / "fearless-check-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            error_ = fmt::format("cannot create a temporary directory: {}", std::strerror(errno));
        else
            path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    const std::string& error() const { return error_; }

private:
    std::filesystem::path path_;
    std::string error_;
};

StepRun step(Command cmd, const Limits& limits) {
    auto result = run_process(cmd, limits);
    return StepRun{std::move(cmd), std::move(result)};
}

}  // namespace

JobOutput run_job(const Case& c, const Compiler& compiler, const RunSettings& settings) {
    JobOutput out;
    bool runs = c.mode == Mode::run_pass || c.mode == Mode::run_fail;
    if (!runs) {
        out.compile = step(compile_command(compiler, c, settings, std::nullopt), compile_limits(settings));
        for (const auto& checker : c.checks) out.checkers.push_back(step(tidy_command(checker, c, settings), compile_limits(settings)));
        return out;
    }
    TempDir dir;
    if (!dir.error().empty()) {
        out.setup_error = dir.error();
        return out;
    }
    auto program = dir.path() / "case";
    out.compile = step(compile_command(compiler, c, settings, program), compile_limits(settings));
    for (const auto& checker : c.checks) out.checkers.push_back(step(tidy_command(checker, c, settings), compile_limits(settings)));
    const auto& r = out.compile->result;
    if (r.outcome != Outcome::exited || r.exit_code != 0) return out;
    auto run_dir = dir.path() / "run";
    std::error_code ec;
    std::filesystem::create_directory(run_dir, ec);
    if (ec) {
        out.setup_error = fmt::format("cannot create {}: {}", run_dir.string(), ec.message());
        return out;
    }
    out.program = step(program_command(program, run_dir), program_limits(c, settings));
    return out;
}

}  // namespace fearless::check
