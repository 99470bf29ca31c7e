#include "app/app.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include <fmt/format.h>
#include <unistd.h>

#include "app/config.hpp"
#include "cache/deps.hpp"
#include "cache/hash.hpp"
#include "cache/pch.hpp"
#include "cache/result_cache.hpp"
#include "case/case.hpp"
#include "case/control.hpp"
#include "case/discover.hpp"
#include "report/console.hpp"
#include "report/files.hpp"
#include "report/result.hpp"
#include "run/commands.hpp"
#include "run/compiler.hpp"
#include "run/plan.hpp"
#include "run/pool.hpp"
#include "run/process/process.hpp"
#include "run/runner.hpp"
#include "run/schedule.hpp"
#include "util/file.hpp"
#include "util/text.hpp"
#include "verdict/bless.hpp"
#include "verdict/expected_files.hpp"
#include "verdict/judge.hpp"

namespace fearless::check {

namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t);
}

// Where would-be expected files go: next to the executable (the build tree),
// so a missing or differing snapshot can be inspected before blessing.
std::filesystem::path wip_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::filesystem::temp_directory_path() / "fearless-check-wip";
    return exe.parent_path() / "fearless-check-wip";
}

std::vector<Case> load_cases(const Options& o, const std::vector<std::filesystem::path>& files) {
    std::vector<Case> cases;
    for (const auto& f : files) {
        Case identity;
        identity.file = f;
        identity.id = case_id(o.root, o.cases_dir, f);
        identity.display = f.generic_string();
        if (auto text = read_file(o.root / f)) {
            cases.push_back(parse_case(*text, std::move(identity)));
        } else {
            identity.problems.push_back(fmt::format("{}: cannot read the file", identity.display));
            cases.push_back(std::move(identity));
        }
    }
    return cases;
}

std::vector<Compiler> load_compilers(const Options& o, const VersionCache* versions) {
    std::vector<Compiler> compilers;
    if (!o.compilers.empty()) {
        for (const auto& c : o.compilers) compilers.push_back(identify_compiler(c, versions));
    } else {
        for (const auto& c : default_compiler_candidates())
            if (find_program(c)) compilers.push_back(identify_compiler(c, versions));
    }
    disambiguate_labels(compilers);
    return compilers;
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

std::string bless_hint(const Options& o, const Case& c) {
    std::string cmd = o.program;
    if (o.expected_given) cmd += " --expected " + o.expected_dir.generic_string();
    return fmt::format("{} --bless {}", cmd, c.display);
}

struct JobRecord {
    Result result;
    Verdict verdict;
};

// What every job of a run shares beyond the options.
struct RunContext {
    const Options& o;
    const RunSettings& settings;
    std::filesystem::path expected_dir, wip;
    std::optional<ResultCache> cache;  // nullopt: --no-cache
    std::unique_ptr<PchStore> pch;     // null: no PCH this run
    std::filesystem::path pch_dir;
    FileHashes hashes;
    std::mutex mutex;  // guards timings
    std::map<std::string, long long> timings;
};

// Everything that decides a job's verdict before it runs (what it reads is checked after: deps).
std::string job_key(const RunContext& ctx, const Case& c, const Compiler& compiler,
                    const std::vector<std::string>& flags, bool uses_pch, bool control,
                    const ExpectedFile& expected_stderr, const ExpectedFile& expected_stdout) {
    Hasher h;
    h.add(harness_version)
        .add(ctx.o.root.string())
        .add(c.file.string())
        .add(c.display)
        .add(c.id)
        .add(join(c.lines, "\n"));
    h.add(compiler.identity).add(compiler.label).add(compiler.command);
    h.add(static_cast<std::uint64_t>(flags.size()));
    for (const auto& f : flags) h.add(f);
    h.add(static_cast<std::uint64_t>(ctx.settings.timeout.count())).add(ctx.o.bless ? "bless" : "check");
    h.add(uses_pch && ctx.pch ? ctx.pch->header() : std::string("-")).add(control ? "control" : "-");
    for (const auto* e : {&expected_stderr, &expected_stdout})
        h.add(e->path.string()).add(e->text ? "=" + *e->text : "missing");
    for (const auto& checker : c.checks) {
        h.add(checker.tool).add(executable_stamp(ctx.settings.clang_tidy).value_or("missing"));
        for (const auto& k : checker.checks) h.add(k);
    }
    return h.hex();
}

// Only what will say the same next time: no timeouts, crashes of tools or setup failures.
bool cacheable(const JobOutput& out) {
    auto finished = [](const std::optional<StepRun>& s) { return !s || s->result.outcome == Outcome::exited; };
    if (!out.setup_error.empty() || !out.deps || out.deps->empty() || !out.compile) return false;
    if (!finished(out.compile) || !finished(out.control)) return false;
    for (const auto& s : out.checkers)
        if (s.result.outcome != Outcome::exited) return false;
    return !out.program || out.program->result.outcome == Outcome::exited ||
           out.program->result.outcome == Outcome::signaled;
}

// What the job read: its depfile and its PCH's inputs, relative to the root
// when under it, without the PCH itself (it lives in the cache).
std::vector<std::string> job_deps(const RunContext& ctx, const JobOutput& out, const std::optional<Pch>& pch) {
    std::vector<std::string> deps;
    std::set<std::string> seen;
    const auto root = ctx.o.root.lexically_normal();
    const auto pch_dir = ctx.pch_dir.lexically_normal().generic_string();
    auto add = [&](const std::string& p) {
        auto path = std::filesystem::path(p).lexically_normal();
        if (path.is_absolute()) {
            if (starts_with(path.generic_string(), pch_dir + "/")) return;
            auto rel = path.lexically_relative(root);
            if (!rel.empty() && *rel.begin() != "..") path = rel;
        } else if (starts_with((root / path).lexically_normal().generic_string(), pch_dir + "/")) {
            return;
        }
        if (seen.insert(path.string()).second) deps.push_back(path.string());
    };
    if (out.deps)
        for (const auto& d : *out.deps) add(d);
    if (pch && !out.pch_rejected)
        for (const auto& d : pch->deps) add(d);
    return deps;
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
JobRecord present(const RunContext& ctx, const Case& c, JobRecord rec) {
    if (rec.verdict.would_be) {
        auto wip_file = ctx.wip / rec.verdict.would_be->lexically_relative(ctx.expected_dir);
        if (write_file(wip_file, rec.verdict.would_be_text))
            rec.result.details +=
                fmt::format("the would-be file: {}\naccept it with: {}\n", wip_file.string(), bless_hint(ctx.o, c));
    }
    return rec;
}

// One case × compiler, start to verdict: the unit the result cache wraps. Its
// key is the case text, the compiler's identity, the flags, the PCH header,
// the expected files and the harness version; a hit whose recorded
// dependencies are unchanged returns the stored verdict without starting a process.
JobRecord execute_job(RunContext& ctx, const Case& c, const Compiler& compiler, bool control) {
    const Options& o = ctx.o;
    JobRecord rec;
    rec.result = Result{c.display, compiler.label, Status::fail, {}, {}, {}, {}};
    if (!compiler.problem.empty()) {
        rec.result.reason = compiler.problem;
        return rec;
    }
    auto expected_stderr = load_expected(ctx.expected_dir, c.id, "stderr", compiler);
    auto expected_stdout = load_expected(ctx.expected_dir, c.id, "stdout", compiler);
    const auto flags = compile_flags(c, ctx.settings);
    const bool pch_fits = ctx.pch && leading_include(c.lines) == ctx.pch->header();
    std::string key;
    if (ctx.cache) {
        key = job_key(ctx, c, compiler, flags, pch_fits, control, expected_stderr, expected_stdout);
        if (auto hit = ctx.cache->lookup(key, ctx.hashes))
            return present(ctx, c, JobRecord{std::move(hit->result), std::move(hit->verdict)});
    }

    auto t0 = Clock::now();
    JobPlan plan;
    plan.record_deps = ctx.cache.has_value();
    plan.control = control;
    std::optional<Pch> pch;
    if (pch_fits) pch = ctx.pch->get(compiler, flags, compiler.identity);
    if (pch) {
        plan.pch_args = pch->use_args;
        if (plan.control && leading_include(split_lines(control_source(c))) == ctx.pch->header())
            plan.control_pch_args = pch->use_args;
    }
    JobOutput output = run_job(c, compiler, ctx.settings, plan);
    rec.verdict = check_job(CheckInput{c, output, o.root, expected_stderr, expected_stdout, o.bless});
    auto& r = rec.result;
    r.status = rec.verdict.status;
    r.reason = rec.verdict.reason;
    r.details = rec.verdict.details;
    if (output.pch_rejected) r.details += "(the compiler rejected the precompiled header; compiled without it)\n";
    r.duration = since(t0);
    if (output.compile) r.commands.push_back(displayed(output.compile->command));
    if (output.control) r.commands.push_back(displayed(output.control->command));
    for (const auto& s : output.checkers) r.commands.push_back(shell_line(s.command));
    if (output.program) r.commands.push_back(shell_line(output.program->command));

    if (ctx.cache) {
        {
            std::lock_guard lock(ctx.mutex);
            ctx.timings[timing_key(c, compiler)] = r.duration.count();
        }
        if (cacheable(output))
            ctx.cache->store(key, CachedJob{r, rec.verdict, ctx.hashes.snapshot(job_deps(ctx, output, pch))});
    }
    return present(ctx, c, std::move(rec));
}

}  // namespace

int run_suite(const Options& o, std::ostream& out, std::ostream& err, Terminal terminal) {
    const auto started = Clock::now();
    if (o.paths.empty() && !std::filesystem::is_directory(o.root / o.cases_dir)) {
        err << fmt::format("fearless-check: no cases folder '{}' in {} (set it with --cases or in {})\n",
                           o.cases_dir.generic_string(), o.root.string(), config_file_name);
        return 2;
    }
    std::optional<ResultCache> cache;
    if (!o.no_cache) cache.emplace(o.cache_dir.value_or(default_cache_dir(o.root)));
    std::optional<VersionCache> versions;
    if (cache) versions = cache->versions();
    auto compilers = load_compilers(o, versions ? &*versions : nullptr);
    if (compilers.empty()) {
        err << "fearless-check: no compiler found (looked for g++, clang++, clang++-19, clang++-22); name one with --compiler\n";
        return 2;
    }
    auto discovery = discover_cases(o.root, o.cases_dir, o.paths, o.filter);
    auto cases = load_cases(o, discovery.files);
    auto jobs = plan_jobs(cases, compilers);

    if (o.list) {
        for (const auto& j : jobs)
            out << fmt::format("{}  [{}]  {}{}\n", cases[j.case_index].display, compilers[j.compiler_index].label,
                               mode_name(*cases[j.case_index].mode),
                               j.skip_reason.empty() ? "" : "  (skip: " + j.skip_reason + ")");
        for (const auto& c : cases)
            if (c.malformed()) out << fmt::format("{}  [-]  malformed\n", c.display);
        return 0;
    }

    ConsoleReporter console(out, ConsoleStyle{terminal.colour, terminal.progress, o.verbose});
    std::vector<Result> results;
    auto record = [&](Result r) {
        console.result(r);
        results.push_back(std::move(r));
    };

    // Problems found before anything runs are failures, never passes.
    for (const auto& p : discovery.problems) record(Result{p.path, "-", Status::fail, p.message, {}, {}, {}});
    for (const auto& c : cases) {
        if (!c.malformed()) continue;
        std::string details;
        for (const auto& p : c.problems) details += p + "\n";
        record(Result{c.display, "-", Status::fail, "malformed case: " + c.problems.front(), details, {}, {}});
    }

    // Jobs run on the pool; results are reported in plan order as they complete.
    const auto settings = settings_of(o);
    RunContext ctx{o,         settings,           (o.root / o.expected_dir).lexically_normal(),
                   wip_dir(), std::move(cache),   nullptr,
                   {},        FileHashes(o.root), {},
                   {}};
    // PCHs live in the cache (reused while valid); with --no-cache in a folder of this run only.
    std::optional<std::string> pch_header;
    if (o.pch == "auto")
        pch_header = most_common_leading_include(cases);
    else if (o.pch != "none" && !o.pch.empty())
        pch_header = o.pch;
    const bool scratch_pch = !ctx.cache;
    if (pch_header) {
        ctx.pch_dir = ctx.cache
                          ? ctx.cache->dir() / "pch"
                          : std::filesystem::temp_directory_path() / fmt::format("fearless-check-pch-{}", ::getpid());
        ctx.pch_dir = std::filesystem::absolute(ctx.pch_dir).lexically_normal();
        ctx.pch = std::make_unique<PchStore>(ctx.pch_dir, *pch_header, o.root,
                                             [&settings](const Command& cmd) { return run_build_step(cmd, settings); });
    }
    const auto& expected_dir = ctx.expected_dir;
    std::vector<std::optional<JobRecord>> records(jobs.size());
    std::size_t next_to_report = 0, finished = 0;
    auto work = [&](std::size_t i) {
        const Job& job = jobs[i];
        const Case& c = cases[job.case_index];
        const Compiler& compiler = compilers[job.compiler_index];
        if (!job.skip_reason.empty())
            records[i] =
                JobRecord{Result{c.display, compiler.label, Status::skip, job.skip_reason, {}, {}, {}}, Verdict{}};
        else
            records[i] = execute_job(ctx, c, compiler, job.control);
    };
    auto done = [&](std::size_t) {
        ++finished;
        while (next_to_report < jobs.size() && records[next_to_report]) record(records[next_to_report++]->result);
        console.progress(finished, jobs.size());
    };
    // Longest first (times recorded by earlier runs), so the workers finish together.
    const auto order = schedule_jobs(jobs, cases, compilers,
                                     ctx.cache ? ctx.cache->load_timings() : std::map<std::string, long long>{});
    run_parallel(
        jobs.size(), o.jobs, [&](std::size_t k) { work(order[k]); }, [&](std::size_t k) { done(order[k]); });
    if (ctx.cache) ctx.cache->save_timings(ctx.timings);
    if (scratch_pch && !ctx.pch_dir.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(ctx.pch_dir, ec);
    }

    if (o.bless) {
        std::map<std::size_t, std::vector<JobOutcome>> by_case;
        for (std::size_t i = 0; i < jobs.size(); ++i)
            if (jobs[i].skip_reason.empty())
                by_case[jobs[i].case_index].push_back({&compilers[jobs[i].compiler_index], &records[i]->verdict});
        for (const auto& [ci, outcomes] : by_case)
            for (const auto& line : bless_case(cases[ci], outcomes, expected_dir, o.root)) console.message(line);
    }

    // Expected files with no case: only meaningful when the whole suite ran.
    if (o.paths.empty() && o.filter.empty()) {
        for (const auto& p : find_stale_expected(o.root, o.expected_dir, o.cases_dir))
            record(Result{p.generic_string(),
                          "-",
                          Status::fail,
                          "stale expected file: its case does not exist (delete it or restore the case)",
                          {},
                          {},
                          {}});
    }

    auto summary = summarize(results);
    console.finish(summary);
    auto total = since(started);
    int status = summary.failed ? 1 : 0;
    auto write_report = [&](const std::optional<std::filesystem::path>& path, const std::string& text) {
        if (!path) return;
        std::string e;
        if (!write_file(o.root / *path, text, &e)) {
            err << "fearless-check: " << e << '\n';
            status = 2;
        }
    };
    write_report(o.junit, junit_report(results, total));
    write_report(o.json, json_report(results, total));
    return status;
}

}  // namespace fearless::check
