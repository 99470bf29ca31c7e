#include "app/job.hpp"

#include <chrono>

#include <fmt/format.h>

#include "cache/policy.hpp"
#include "case/control.hpp"
#include "run/process/stop.hpp"
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

// Where would-be expected files go, so a missing or differing snapshot can be
// inspected before blessing: the cache folder (also under --no-cache, which
// only stops reuse), never next to the executable, whose folder may be
// read-only or shared.
std::filesystem::path wip_dir(const Options& o) {
    return std::filesystem::absolute(o.cache_dir.value_or(default_cache_dir(o.root)) / "would-be").lexically_normal();
}

RunSettings settings_of(const Options& o) {
    RunSettings s;
    s.root = o.root;
    for (const auto& inc : o.includes) s.includes.push_back(relative_to_root(o.root, inc).string());
    s.flags = o.flags;
    s.std_version = o.std_version;
    s.timeout = std::chrono::milliseconds(static_cast<long long>(o.timeout_s * 1000));
    s.clang_tidy = o.clang_tidy;
    s.launcher = o.launcher;
    return s;
}

// The run's own --root/--cases/--expected/--compiler/-I, so the bless sees what
// this run saw; the case by its display name when that is where it lies from
// here, else by its absolute path. --bless-hint names a command instead.
std::string bless_hint(const Options& o, const Case& c) {
    if (!o.bless_hint.empty()) return o.bless_hint;
    Command cmd;
    cmd.argv.push_back(o.program);
    if (o.root_moved) cmd.argv.insert(cmd.argv.end(), {"--root", o.root.generic_string()});
    cmd.argv.insert(cmd.argv.end(), o.rerun_args.begin(), o.rerun_args.end());
    cmd.argv.push_back("--bless");
    // A revision shows as its file's name with "[rev]"; blessing the file blesses each revision.
    const auto shown_file = c.display.substr(0, c.display.size() - (c.revision.empty() ? 0 : c.revision.size() + 2));
    const bool display_is_path = !o.root_moved && shown_file == c.file.generic_string();
    cmd.argv.push_back(display_is_path ? shown_file : (o.root / c.file).generic_string());
    return shell_line(cmd);
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

// The PCH header a job is keyed on: the case's first include, if the run precompiles it.
std::string pch_header(const RunContext& ctx, const Case& c) {
    auto header = ctx.pch ? ctx.pch->header_for(c.lines) : std::nullopt;
    return header ? *header : "-";
}

// The PCH a job uses: the one of its leading include, if the run precompiles that.
JobPlan plan_of(RunContext& ctx, const Case& c, const Compiler& compiler, const std::vector<std::string>& flags,
                bool control, std::optional<Pch>& pch) {
    JobPlan plan;
    plan.record_deps = ctx.cache.has_value();
    plan.control = control;
    const auto header = ctx.pch ? ctx.pch->header_for(c.lines) : std::nullopt;
    if (header) pch = ctx.pch->get(*header, compiler, flags, compiler.identity);
    if (pch) {
        plan.pch_args = pch->use_args;
        if (plan.control && leading_include(split_lines(control_source(c))) == header)
            plan.control_pch_args = pch->use_args;
    }
    return plan;
}

Verdict judged(const RunContext& ctx, const Case& c, const Compiler& compiler, const JobOutput& output,
               const ExpectedFile& expected_stderr, const ExpectedFile& expected_stdout, bool bless) {
    auto v = check_job(CheckInput{c, output, ctx.o.root, expected_stderr, expected_stdout, bless, &compiler, ctx.own_dirs});
    if (output.pch_rejected) v.details += "(the compiler rejected the precompiled header; compiled without it)\n";
    return v;
}

// Runs and judges the job; the commands as -v shows them (the caller times it).
Result run_and_judge(RunContext& ctx, const Case& c, const Compiler& compiler, const JobPlan& plan,
                     const ExpectedFile& expected_stderr, const ExpectedFile& expected_stdout, JobOutput& output) {
    output = run_job(c, compiler, ctx.settings, plan);
    Result r{c.display, compiler.label, {}, {}, {}};
    r.verdict = judged(ctx, c, compiler, output, expected_stderr, expected_stdout, ctx.o.bless);
    if (output.compile) r.commands.push_back(displayed(output.compile->command));
    if (output.control) r.commands.push_back(displayed(output.control->command));
    for (const auto& s : output.checkers) r.commands.push_back(shell_line(s.command));
    if (output.program) r.commands.push_back(shell_line(output.program->command));
    return r;
}

}  // namespace

RunContext make_context(const Options& o, std::optional<ResultCache> cache) {
    return RunContext{o,          settings_of(o),     (o.root / o.expected_dir).lexically_normal(),
                      wip_dir(o), std::move(cache),   nullptr,
                      {},         FileHashes(o.root), {},
                      {},         own_dirs(o)};
}

Result execute_job(RunContext& ctx, const Case& c, const Compiler& compiler, bool control) {
    if (!compiler.problem.empty()) return decided(c.display, compiler.label, Status::fail, compiler.problem);
    const auto expected_stderr = load_expected(ctx.expected_dir, c.id, "stderr", compiler);
    const auto expected_stdout = load_expected(ctx.expected_dir, c.id, "stdout", compiler);
    const auto flags = compile_flags(c, ctx.settings);
    std::string key;
    if (ctx.cache) {
        key = job_key(JobKey{c, compiler, ctx.settings, flags, ctx.o.bless, pch_header(ctx, c), control,
                             expected_stderr, expected_stdout});
        if (auto hit = ctx.cache->lookup(key, ctx.hashes)) return present(ctx, c, std::move(hit->result));
    }
    const auto t0 = Clock::now();  // a PCH built for this job counts in its time
    std::optional<Pch> pch;
    const auto plan = plan_of(ctx, c, compiler, flags, control, pch);
    JobOutput output;
    auto r = run_and_judge(ctx, c, compiler, plan, expected_stderr, expected_stdout, output);
    r.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
    if (stop_requested()) return r;  // its processes may have been killed: not a verdict to keep
    if (ctx.cache) {
        (*ctx.timings.lock())[timing_key(c, compiler)] = r.duration.count();
        if (cacheable(output)) {
            CachedJob job{r, ctx.hashes.snapshot(job_deps(ctx.o.root, ctx.pch_dir, output, pch))};
            ctx.cache->store(key, job);
            if (ctx.o.bless) ctx.blessed.lock()->push_back(BlessedJob{&c, &compiler, control, output, std::move(job)});
        }
    }
    return present(ctx, c, std::move(r));
}

void cache_for_plain_runs(RunContext& ctx) {
    if (!ctx.cache) return;
    auto blessed = ctx.blessed.lock();
    for (auto& b : *blessed) {
        const auto expected_stderr = load_expected(ctx.expected_dir, b.c->id, "stderr", *b.compiler);
        const auto expected_stdout = load_expected(ctx.expected_dir, b.c->id, "stdout", *b.compiler);
        const auto flags = compile_flags(*b.c, ctx.settings);
        auto key = job_key(JobKey{*b.c, *b.compiler, ctx.settings, flags, false, pch_header(ctx, *b.c), b.control,
                                  expected_stderr, expected_stdout});
        b.cached.result.verdict = judged(ctx, *b.c, *b.compiler, b.output, expected_stderr, expected_stdout, false);
        ctx.cache->store(key, b.cached);
    }
}

}  // namespace fearless::check
