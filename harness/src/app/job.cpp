#include "app/job.hpp"

#include <chrono>

#include <fmt/format.h>

#include "cache/policy.hpp"
#include "case/control.hpp"
#include "run/runner.hpp"
#include "run/schedule.hpp"
#include "util/file.hpp"
#include "util/path.hpp"
#include "util/text.hpp"
#include "verdict/expected_files.hpp"
#include "verdict/judge.hpp"

namespace fearless::check {

namespace {

using Clock = std::chrono::steady_clock;

// Where would-be expected files go: next to the executable (the build tree),
// so a missing or differing snapshot can be inspected before blessing; for an
// installed one (in a bin/ folder, not the user's to write into) in the cache folder.
std::filesystem::path wip_dir(const std::optional<ResultCache>& cache) {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::filesystem::temp_directory_path() / "fearless-check-wip";
    if (exe.parent_path().filename() == "bin")
        return cache ? cache->dir() / "wip" : std::filesystem::temp_directory_path() / "fearless-check-wip";
    return exe.parent_path() / "fearless-check-wip";
}

RunSettings settings_of(const Options& o) {
    RunSettings s;
    s.root = o.root;
    for (const auto& inc : o.includes) s.includes.push_back(relative_to_root(o.root, inc).string());
    s.flags = o.flags;
    s.timeout = std::chrono::milliseconds(static_cast<long long>(o.timeout_s * 1000));
    s.clang_tidy = o.clang_tidy;
    return s;
}

// Runnable where the user ran the tool: the case by its display name when
// that is where it lies from here, else by its absolute path.
std::string bless_hint(const Options& o, const Case& c) {
    if (!o.bless_hint.empty()) return o.bless_hint;
    std::string cmd = o.program;
    if (o.root_moved) cmd += " --root " + o.root.generic_string();
    if (o.cases_given) cmd += " --cases " + o.cases_dir.generic_string();
    if (o.expected_given) cmd += " --expected " + o.expected_dir.generic_string();
    if (o.includes_given)
        for (const auto& inc : o.includes) cmd += " -I " + inc;
    const bool display_is_path = !o.root_moved && c.display == c.file.generic_string();
    return fmt::format("{} --bless {}", cmd, display_is_path ? c.display : (o.root / c.file).generic_string());
}

// What -v shows: runnable as printed, so without the dependency file of a temporary folder.
std::string displayed(Command cmd) {
    auto& a = cmd.argv;
    for (auto it = a.begin(); it != a.end();) {
        if (*it == "-MD" && it + 2 < a.end() && *(it + 1) == "-MF")
            it = a.erase(it, it + 3);
        else
            ++it;
    }
    return shell_line(cmd);
}

// The would-be expected file is written for inspection, for fresh and cached verdicts alike.
Result present(const RunContext& ctx, const Case& c, Result r) {
    if (r.verdict.would_be) {
        auto wip_file = ctx.wip / r.verdict.would_be->lexically_relative(ctx.expected_dir);
        if (write_file(wip_file, r.verdict.would_be_text))
            r.verdict.details +=
                fmt::format("the would-be file: {}\naccept it with: {}\n", wip_file.string(), bless_hint(ctx.o, c));
    }
    return r;
}

// The PCH a job uses, if its first include is the run's PCH header.
JobPlan plan_of(RunContext& ctx, const Case& c, const Compiler& compiler, const std::vector<std::string>& flags,
                bool control, std::optional<Pch>& pch) {
    JobPlan plan;
    plan.record_deps = ctx.cache.has_value();
    plan.control = control;
    if (ctx.pch && leading_include(c.lines) == ctx.pch->header())
        pch = ctx.pch->get(compiler, flags, compiler.identity);
    if (pch) {
        plan.pch_args = pch->use_args;
        if (plan.control && leading_include(split_lines(control_source(c))) == ctx.pch->header())
            plan.control_pch_args = pch->use_args;
    }
    return plan;
}

// Runs and judges the job; the commands as -v shows them (the caller times it).
Result run_and_judge(RunContext& ctx, const Case& c, const Compiler& compiler, const JobPlan& plan,
                     const ExpectedFile& expected_stderr, const ExpectedFile& expected_stdout, JobOutput& output) {
    output = run_job(c, compiler, ctx.settings, plan);
    Result r{c.display, compiler.label, {}, {}, {}};
    r.verdict =
        check_job(CheckInput{c, output, ctx.o.root, expected_stderr, expected_stdout, ctx.o.bless, ctx.own_dirs});
    if (output.pch_rejected)
        r.verdict.details += "(the compiler rejected the precompiled header; compiled without it)\n";
    if (output.compile) r.commands.push_back(displayed(output.compile->command));
    if (output.control) r.commands.push_back(displayed(output.control->command));
    for (const auto& s : output.checkers) r.commands.push_back(shell_line(s.command));
    if (output.program) r.commands.push_back(shell_line(output.program->command));
    return r;
}

}  // namespace

RunContext make_context(const Options& o, std::optional<ResultCache> cache) {
    auto wip = wip_dir(cache);
    return RunContext{o,          settings_of(o),     (o.root / o.expected_dir).lexically_normal(),
                      wip,        std::move(cache),   nullptr,
                      {},         FileHashes(o.root), {},
                      own_dirs(o)};
}

Result execute_job(RunContext& ctx, const Case& c, const Compiler& compiler, bool control) {
    if (!compiler.problem.empty()) return decided(c.display, compiler.label, Status::fail, compiler.problem);
    const auto expected_stderr = load_expected(ctx.expected_dir, c.id, "stderr", compiler);
    const auto expected_stdout = load_expected(ctx.expected_dir, c.id, "stdout", compiler);
    const auto flags = compile_flags(c, ctx.settings);
    const bool pch_fits = ctx.pch && leading_include(c.lines) == ctx.pch->header();
    std::string key;
    if (ctx.cache) {
        key = job_key(JobKey{c, compiler, ctx.settings, flags, ctx.o.bless, pch_fits ? ctx.pch->header() : "-", control,
                             expected_stderr, expected_stdout});
        if (auto hit = ctx.cache->lookup(key, ctx.hashes)) return present(ctx, c, std::move(hit->result));
    }
    const auto t0 = Clock::now();  // a PCH built for this job counts in its time
    std::optional<Pch> pch;
    const auto plan = plan_of(ctx, c, compiler, flags, control, pch);
    JobOutput output;
    auto r = run_and_judge(ctx, c, compiler, plan, expected_stderr, expected_stdout, output);
    r.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
    if (ctx.cache) {
        (*ctx.timings.lock())[timing_key(c, compiler)] = r.duration.count();
        if (cacheable(output))
            ctx.cache->store(key, CachedJob{r, ctx.hashes.snapshot(job_deps(ctx.o.root, ctx.pch_dir, output, pch))});
    }
    return present(ctx, c, std::move(r));
}

}  // namespace fearless::check
