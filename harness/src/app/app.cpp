#include "app/app.hpp"

#include <chrono>
#include <map>

#include <fmt/format.h>
#include <unistd.h>

#include "app/config.hpp"
#include "app/job.hpp"
#include "app/report_files.hpp"
#include "case/discover.hpp"
#include "case/folder_config.hpp"
#include "report/console.hpp"
#include "run/plan.hpp"
#include "run/pool.hpp"
#include "run/runner.hpp"
#include "run/schedule.hpp"
#include "run/shard.hpp"
#include "util/file.hpp"
#include "verdict/bless.hpp"

namespace fearless::check {

namespace {

using Clock = std::chrono::steady_clock;

// What a run works on, loaded before anything runs.
struct Suite {
    std::optional<ResultCache> cache;
    std::vector<Compiler> compilers;
    Discovery discovery;
    std::vector<Case> cases;
    std::vector<Job> jobs;
};

// The results so far, each shown on the console as it is recorded.
struct Record {
    ConsoleReporter console;
    std::vector<Result> results;
    void operator()(Result r) {
        console.result(r);
        results.push_back(std::move(r));
    }
};

std::vector<Case> load_cases(const Options& o, const std::vector<std::filesystem::path>& files) {
    std::vector<Case> cases;
    for (const auto& f : files) {
        Case identity;
        identity.file = f;
        identity.id = case_id(o.root, o.cases_dir, f);
        identity.display = f.generic_string();
        const auto folder = folder_config_for(o.root, o.cases_dir, f);
        identity.verify_style = folder.verify;
        identity.verify_prefixes = folder.verify_prefixes;
        if (!folder.problem.empty()) {
            identity.problems.push_back(folder.problem);
            cases.push_back(std::move(identity));
        } else if (auto text = read_file(o.root / f)) {
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
        for (const auto& c : o.compilers) compilers.push_back(identify_compiler(c, run_version_step, versions));
    } else {
        for (const auto& c : default_compiler_candidates())
            if (find_program(c)) compilers.push_back(identify_compiler(c, run_version_step, versions));
    }
    disambiguate_labels(compilers);
    return compilers;
}

// The cache, compilers, cases and jobs; nullopt (after saying why on `err`): a configuration error.
std::optional<Suite> load_suite(const Options& o, std::ostream& err) {
    if (o.paths.empty() && !std::filesystem::is_directory(o.root / o.cases_dir)) {
        err << fmt::format("fearless-check: no cases folder '{}' in {} (set it with --cases or in {})\n",
                           o.cases_dir.generic_string(), o.root.string(), config_file_name);
        return std::nullopt;
    }
    Suite s;
    if (!o.no_cache) s.cache.emplace(o.cache_dir.value_or(default_cache_dir(o.root)));
    std::optional<VersionCache> versions;
    if (s.cache) versions = s.cache->versions();
    s.compilers = load_compilers(o, versions ? &*versions : nullptr);
    if (s.compilers.empty()) {
        err << fmt::format("fearless-check: no compiler found (looked for {}); name one with --compiler\n",
                           fmt::join(default_compiler_candidates(), ", "));
        return std::nullopt;
    }
    s.discovery = discover_cases(o.root, o.cases_dir, o.paths, o.filter);
    s.cases = load_cases(o, s.discovery.files);
    s.jobs = plan_jobs(s.cases, s.compilers);
    if (o.shard)
        std::erase_if(s.jobs, [&](const Job& j) {
            return !in_shard(timing_key(s.cases[j.case_index], s.compilers[j.compiler_index]), *o.shard);
        });
    return s;
}

// What a job's id is for --shard when no compiler is involved (a malformed case, a stale file).
std::string compilerless_id(const std::string& what) {
    return what + "|-";
}

// --list --shard: each shard's job count and recorded seconds, to see the balance the hash gives.
void list_shard_times(const Options& o, const Suite& s, std::ostream& out) {
    const auto timings = s.cache ? s.cache->load_timings() : std::map<std::string, long long>{};
    std::vector<std::size_t> jobs(o.shard->count + 1), unknown(o.shard->count + 1);
    std::vector<long long> ms(o.shard->count + 1);
    for (const auto& j : plan_jobs(s.cases, s.compilers)) {
        if (!j.skip_reason.empty()) continue;
        const auto key = timing_key(s.cases[j.case_index], s.compilers[j.compiler_index]);
        const auto k = shard_of(key, o.shard->count);
        ++jobs[k];
        if (auto it = timings.find(key); it != timings.end())
            ms[k] += it->second;
        else
            ++unknown[k];
    }
    for (unsigned k = 1; k <= o.shard->count; ++k)
        out << fmt::format("shard {}/{}: {} jobs, {:.1f} s recorded{}\n", k, o.shard->count, jobs[k],
                           static_cast<double>(ms[k]) / 1000.0,
                           unknown[k] ? fmt::format(" ({} without a recorded time)", unknown[k]) : "");
}

// --list: every job and every malformed case, nothing run.
void list_jobs(const Options& o, const Suite& s, std::ostream& out) {
    for (const auto& j : s.jobs)
        out << fmt::format("{}  [{}]  {}{}\n", s.cases[j.case_index].display, s.compilers[j.compiler_index].label,
                           mode_name(*s.cases[j.case_index].mode),
                           j.skip_reason.empty() ? "" : "  (skip: " + j.skip_reason + ")");
    for (const auto& c : s.cases)
        if (c.malformed() && (!o.shard || in_shard(compilerless_id(c.id), *o.shard)))
            out << fmt::format("{}  [-]  malformed\n", c.display);
    if (o.shard) list_shard_times(o, s, out);
}

// Problems found before anything runs are failures, never passes.
void record_pre_run_failures(const Options& o, const Suite& s, Record& record) {
    auto mine = [&](const std::string& id) { return !o.shard || in_shard(compilerless_id(id), *o.shard); };
    for (const auto& p : s.discovery.problems)
        if (mine(p.path)) record(decided(p.path, "-", Status::fail, p.message));
    for (const auto& c : s.cases) {
        if (!c.malformed() || !mine(c.id)) continue;
        std::string details;
        for (const auto& p : c.problems) details += p + "\n";
        record(decided(c.display, "-", Status::fail, "malformed case: " + c.problems.front(), details));
    }
}

// PCHs live in the cache (reused while valid); with --no-cache in a folder of this run only.
void open_pch_store(RunContext& ctx, const std::vector<Case>& cases) {
    const Options& o = ctx.o;
    std::optional<std::string> header;
    if (o.pch == "auto")
        header = most_common_leading_include(cases);
    else if (o.pch != "none" && !o.pch.empty())
        header = o.pch;
    if (!header) return;
    ctx.pch_dir = ctx.cache ? ctx.cache->dir() / "pch"
                            : std::filesystem::temp_directory_path() / fmt::format("fearless-check-pch-{}", ::getpid());
    ctx.pch_dir = std::filesystem::absolute(ctx.pch_dir).lexically_normal();
    ctx.pch = std::make_unique<PchStore>(ctx.pch_dir, *header, o.root, [settings = ctx.settings](const Command& cmd) {
        return run_build_step(cmd, settings);
    });
}

// Jobs run on the pool, longest first (times recorded by earlier runs) so the
// workers finish together; results are recorded in plan order as they complete.
std::vector<std::optional<Result>> run_jobs(RunContext& ctx, const Suite& s, Record& record) {
    std::vector<std::optional<Result>> results(s.jobs.size());
    std::size_t next_to_record = 0, finished = 0;
    auto work = [&](std::size_t i) {
        const Job& job = s.jobs[i];
        const Case& c = s.cases[job.case_index];
        const Compiler& compiler = s.compilers[job.compiler_index];
        results[i] = job.skip_reason.empty() ? execute_job(ctx, c, compiler, job.control)
                                             : decided(c.display, compiler.label, Status::skip, job.skip_reason);
    };
    auto done = [&](std::size_t) {
        ++finished;
        while (next_to_record < s.jobs.size() && results[next_to_record]) record(*results[next_to_record++]);
        record.console.progress(finished, s.jobs.size());
    };
    const auto order = schedule_jobs(s.jobs, s.cases, s.compilers,
                                     ctx.cache ? ctx.cache->load_timings() : std::map<std::string, long long>{});
    run_parallel(
        s.jobs.size(), ctx.o.jobs, [&](std::size_t k) { work(order[k]); }, [&](std::size_t k) { done(order[k]); });
    if (ctx.cache) ctx.cache->save_timings(*ctx.timings.lock());
    if (!ctx.cache && !ctx.pch_dir.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(ctx.pch_dir, ec);
    }
    return results;
}

// --bless: each case's expected files from what every compiler that ran it produced.
void bless_all(const RunContext& ctx, const Suite& s, const std::vector<std::optional<Result>>& results,
               Record& record) {
    std::map<std::size_t, std::vector<JobOutcome>> by_case;
    for (std::size_t i = 0; i < s.jobs.size(); ++i)
        if (s.jobs[i].skip_reason.empty())
            by_case[s.jobs[i].case_index].push_back({&s.compilers[s.jobs[i].compiler_index], &results[i]->verdict});
    for (const auto& [ci, outcomes] : by_case)
        for (const auto& line : bless_case(s.cases[ci], outcomes, ctx.expected_dir, ctx.o.root))
            record.console.message(line);
}

// Expected files with no case: only meaningful when the whole suite ran.
void record_stale_files(const Options& o, Record& record) {
    if (!o.paths.empty() || !o.filter.empty()) return;
    for (const auto& p : find_stale_expected(o.root, o.expected_dir, o.cases_dir))
        if (!o.shard || in_shard(compilerless_id(p.generic_string()), *o.shard))
            record(decided(p.generic_string(), "-", Status::fail,
                           "stale expected file: its case does not exist (delete it or restore the case)"));
}

// The closing line and --junit / --json; the exit status.
int finish(const Options& o, Record& record, Clock::time_point started, std::ostream& err) {
    const auto summary = summarize(record.results);
    record.console.finish(summary);
    const auto total = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    int status = summary.failed ? 1 : 0;
    if (!write_report_files(o, record.results, total, o.shard ? shard_name(*o.shard) : std::string(), err)) status = 2;
    return status;
}

}  // namespace

int run_suite(const Options& o, std::ostream& out, std::ostream& err, Terminal terminal) {
    const auto started = Clock::now();
    auto suite = load_suite(o, err);
    if (!suite) return 2;
    if (o.list) {
        list_jobs(o, *suite, out);
        return 0;
    }
    Record record{ConsoleReporter(out, ConsoleStyle{terminal.colour, terminal.progress, o.verbose}), {}};
    record_pre_run_failures(o, *suite, record);
    auto ctx = make_context(o, std::move(suite->cache));
    open_pch_store(ctx, suite->cases);
    const auto results = run_jobs(ctx, *suite, record);
    if (o.bless) bless_all(ctx, *suite, results, record);
    record_stale_files(o, record);
    return finish(o, record, started, err);
}

}  // namespace fearless::check
