#include "run/runner.hpp"

#include <cerrno>
#include <cstdlib>
#include <system_error>

#include <boost/system/error_code.hpp>
#include <fmt/format.h>

#include "case/control.hpp"
#include "run/commands.hpp"
#include "run/depfile.hpp"
#include "util/file.hpp"

namespace fearless::check {

namespace {

// A fresh directory removed when the job is done.
class TempDir {
  public:
    TempDir() {
        auto pattern = (std::filesystem::temp_directory_path() / "fearless-check-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            error_ = fmt::format("cannot create a temporary directory: {}",
                                 boost::system::generic_category().message(errno));
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

// One compile: what its launcher printed is set aside, and a launcher that
// failed is recorded as such.
StepRun compile_run(Command cmd, const RunSettings& settings, JobOutput& out) {
    auto run = step(std::move(cmd), compile_limits(settings));
    auto said = take_launcher_lines(run.result.err, settings.launcher);
    if (auto failed = launcher_failure(run.result, settings.launcher, said); failed && out.launcher_error.empty())
        out.launcher_error = *failed;
    out.launcher_said.insert(out.launcher_said.end(), said.begin(), said.end());
    return run;
}

// The compile, with the PCH if any; again without it if the compiler rejects it.
StepRun compile_step(const Case& c, const Compiler& compiler, const RunSettings& settings,
                     const std::optional<std::filesystem::path>& output, CompileExtras extras, JobOutput& out,
                     bool* rejected) {
    auto run = compile_run(compile_command(compiler, c, settings, output, extras), settings, out);
    if (!extras.pch_args.empty() && pch_rejected(run.result.err)) {
        if (rejected) *rejected = true;
        extras.pch_args.clear();
        run = compile_run(compile_command(compiler, c, settings, output, extras), settings, out);
    }
    return run;
}

}  // namespace

ProcessResult run_build_step(const Command& cmd, const RunSettings& settings) {
    auto result = run_process(with_launcher(cmd, settings.launcher), compile_limits(settings));
    take_launcher_lines(result.err, settings.launcher);  // a PCH whose build printed anything is not used
    return result;
}

ProcessResult run_version_step(const Command& cmd) {
    Limits limits;
    limits.timeout = std::chrono::seconds(30);
    return run_process(cmd, limits);
}

JobOutput run_job(const Case& c, const Compiler& compiler, const RunSettings& settings, const JobPlan& plan) {
    JobOutput out;
    const bool runs = c.mode && traits(*c.mode).runs;
    std::optional<TempDir> dir;
    if (runs || plan.record_deps || plan.control) {
        dir.emplace();
        if (!dir->error().empty()) {
            out.setup_error = dir->error();
            return out;
        }
    }
    CompileExtras extras;
    extras.pch_args = plan.pch_args;
    if (plan.record_deps) extras.depfile = dir->path() / "case.d";
    std::optional<std::filesystem::path> program;
    if (runs) program = dir->path() / "case";
    // Through a launcher a run case compiles (-c) and links apart, so that the
    // compile can go to a farm; a failed link stands for the compile.
    extras.object_only = runs && !settings.launcher.empty();
    const auto object = dir ? dir->path() / "case.o" : std::filesystem::path();
    out.compile = compile_step(c, compiler, settings, extras.object_only ? object : program, extras, out,
                               &out.pch_rejected);
    if (extras.object_only && out.compile->result.outcome == Outcome::exited && out.compile->result.exit_code == 0 &&
        out.launcher_error.empty()) {
        auto link = step(link_command(compiler, c, settings, object, *program), compile_limits(settings));
        if (link.result.outcome != Outcome::exited || link.result.exit_code != 0) out.compile = std::move(link);
    }
    if (plan.record_deps) {
        auto d = read_file(*extras.depfile);
        if (!d && out.compile->result.outcome == Outcome::exited) {
            // The compile stopped without writing it (GCC under -Wfatal-errors): ask for the list alone.
            auto list = run_process(depfile_command(compiler, c, settings, *extras.depfile), compile_limits(settings));
            if (list.outcome == Outcome::exited && list.exit_code == 0) d = read_file(*extras.depfile);
        }
        if (d) out.deps = parse_depfile(*d);
    }
    for (const auto& checker : c.checks)
        out.checkers.push_back(step(tidy_command(checker, c, settings), compile_limits(settings)));
    if (plan.control) {
        // Same name in a folder of its own; "..." includes still resolve from the case's folder.
        auto source = dir->path() / "control" / c.file.filename();
        if (!write_file(source, control_source(c))) {
            out.setup_error = fmt::format("cannot write the control source {}", source.string());
            return out;
        }
        CompileExtras control;
        control.pch_args = plan.control_pch_args;
        control.source = source;
        control.quote_dirs = {c.file.has_parent_path() ? c.file.parent_path().string() : "."};
        out.control = compile_step(c, compiler, settings, std::nullopt, control, out, nullptr);
    }
    if (!runs) return out;
    const auto& r = out.compile->result;
    if (r.outcome != Outcome::exited || r.exit_code != 0) return out;
    auto run_dir = dir->path() / "run";
    std::error_code ec;
    std::filesystem::create_directory(run_dir, ec);
    if (ec) {
        out.setup_error = fmt::format("cannot create {}: {}", run_dir.string(), ec.message());
        return out;
    }
    out.program = step(program_command(*program, run_dir), program_limits(c, settings));
    return out;
}

}  // namespace fearless::check
