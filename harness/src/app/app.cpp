#include "app/app.hpp"

#include <chrono>
#include <csignal>
#include <map>

#include <fmt/format.h>
#include <unistd.h>

#include "app/config.hpp"
#include "app/job.hpp"
#include "case/discover.hpp"
#include "report/console.hpp"
#include "report/files.hpp"
#include "run/plan.hpp"
#include "run/pool.hpp"
#include "run/process/stop.hpp"
#include "run/runner.hpp"
#include "run/schedule.hpp"
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
    std::size_t not_run = 0;  // jobs an interruption left without a result
    void operator()(Result r) {
        console.result(r);
        results.push_back(std::move(r));
    }
};

// Two files with one id would share (and overwrite) each other's expected files.
void reject_id_collisions(std::vector<Case>& cases, const std::filesystem::path& expected_dir) {
    std::map<std::string, const Case*> first;
    for (auto& c : cases) {
        auto [it, fresh] = first.emplace(c.id, &c);
        if (!fresh)
            c.problems.push_back(fmt::format("{}: its id '{}' is also the id of {}, and both would use {}/{}.*; "
                                             "rename one",
                                             c.display, c.id, it->second->display, expected_dir.generic_string(), c.id));
    }
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
    reject_id_collisions(cases, o.expected_dir);
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
    if (!o.no_cache) {
        ResultCache cache(o.cache_dir.value_or(default_cache_dir(o.root)));
        std::string why;
        if (cache.writable(why))
            s.cache.emplace(std::move(cache));
        else  // a read-only or full disk must not stop the run
            err << fmt::format("fearless-check: warning: the cache cannot be written ({}); running without it\n", why);
    }
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
    return s;
}

// --list: every job and every malformed case, nothing run.
void list_jobs(const Suite& s, std::ostream& out) {
    for (const auto& j : s.jobs)
        out << fmt::format("{}  [{}]  {}{}\n", s.cases[j.case_index].display, s.compilers[j.compiler_index].label,
                           mode_name(*s.cases[j.case_index].mode),
                           j.skip_reason.empty() ? "" : "  (skip: " + j.skip_reason + ")");
    for (const auto& c : s.cases)
        if (c.malformed()) out << fmt::format("{}  [-]  malformed\n", c.display);
}

// Problems found before anything runs are failures, never passes.
void record_pre_run_failures(const Suite& s, Record& record) {
    for (const auto& p : s.discovery.problems) record(decided(p.path, "-", Status::fail, p.message));
    for (const auto& c : s.cases) {
        if (!c.malformed()) continue;
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

// An interrupted run: what finished after the first gap in plan order, and how many did not.
void record_after_stop(const std::vector<std::optional<Result>>& results, std::size_t from, Record& record) {
    for (std::size_t i = from; i < results.size(); ++i) {
        if (results[i])
            record(*results[i]);
        else
            ++record.not_run;
    }
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
        auto r = job.skip_reason.empty() ? execute_job(ctx, c, compiler, job.control)
                                         : decided(c.display, compiler.label, Status::skip, job.skip_reason);
        if (!stop_requested()) results[i] = std::move(r);  // else: possibly killed, so not run
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
    if (stop_requested()) record_after_stop(results, next_to_record, record);
    if (ctx.cache) ctx.cache->save_timings(*ctx.timings.lock());
    if (!ctx.cache && !ctx.pch_dir.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(ctx.pch_dir, ec);
    }
    return results;
}

// --bless: each case's expected files from what every compiler that ran it produced.
// An interrupted run blesses nothing: a case's files need every compiler's output.
void bless_all(const RunContext& ctx, const Suite& s, const std::vector<std::optional<Result>>& results,
               Record& record) {
    if (stop_requested()) {
        record.console.message("interrupted: nothing blessed, the expected files are as they were");
        return;
    }
    std::map<std::size_t, std::vector<JobOutcome>> by_case;
    for (std::size_t i = 0; i < s.jobs.size(); ++i)
        if (s.jobs[i].skip_reason.empty())
            by_case[s.jobs[i].case_index].push_back({&s.compilers[s.jobs[i].compiler_index], &results[i]->verdict});
    std::size_t blessed = 0;
    for (const auto& [ci, outcomes] : by_case) {
        if (stop_requested()) {  // each file is written whole (temporary + rename): stop between cases
            record.console.message(fmt::format("interrupted: blessed {} of {} cases", blessed, by_case.size()));
            return;
        }
        ++blessed;
        for (const auto& line : bless_case(s.cases[ci], outcomes, ctx.expected_dir, ctx.o.root)) {
            if (line.starts_with("bless: "))  // not blessed: never a silent exit 0
                record(decided(s.cases[ci].display, "-", Status::fail, line.substr(7)));
            else
                record.console.message(line);
        }
    }
}

// Expected files with no case: only meaningful when the whole suite ran.
void record_stale_files(const Options& o, Record& record) {
    if (!o.paths.empty() || !o.filter.empty() || stop_requested()) return;
    for (const auto& p : find_stale_expected(o.root, o.expected_dir, o.cases_dir))
        record(decided(p.generic_string(), "-", Status::fail,
                       "stale expected file: its case does not exist (delete it or restore the case)"));
}

// One warning for everything the cache folder did wrong during the run.
void warn_cache_trouble(const RunContext& ctx, std::ostream& err) {
    if (!ctx.cache) return;
    const auto t = ctx.cache->trouble();
    if (t.damaged)
        err << fmt::format("fearless-check: warning: {} damaged cache entr{} under {} ignored (rebuilt)\n", t.damaged,
                           t.damaged == 1 ? "y" : "ies", ctx.cache->dir().string());
    if (t.unwritable)
        err << fmt::format("fearless-check: warning: {} cache write{} failed, those jobs will run again next time ({})\n",
                           t.unwritable, t.unwritable == 1 ? "" : "s", t.first_write_error);
}

// The closing line and --junit / --json; the exit status.
int finish(const Options& o, Record& record, Clock::time_point started, std::ostream& err) {
    auto summary = summarize(record.results);
    summary.not_run = record.not_run;
    record.console.finish(summary);
    const auto total = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    int status = summary.failed ? 1 : 0;
    if (stop_requested()) status = 128 + (stop_signal() ? stop_signal() : SIGINT);
    auto write_report = [&](const std::optional<std::filesystem::path>& path, const std::string& text) {
        if (!path) return;
        std::string e;
        if (!write_file(o.root / *path, text, &e)) {
            err << "fearless-check: " << e << '\n';
            status = 2;
        }
    };
    write_report(o.junit, junit_report(record.results, total));
    write_report(o.json, json_report(record.results, total));
    return status;
}

}  // namespace

int run_suite(const Options& o, std::ostream& out, std::ostream& err, Terminal terminal) {
    const auto started = Clock::now();
    auto suite = load_suite(o, err);
    if (!suite) return 2;
    if (o.list) {
        list_jobs(*suite, out);
        return 0;
    }
    Record record{ConsoleReporter(out, ConsoleStyle{terminal.colour, terminal.progress, o.verbose}), {}};
    record_pre_run_failures(*suite, record);
    auto ctx = make_context(o, std::move(suite->cache));
    open_pch_store(ctx, suite->cases);
    const auto results = run_jobs(ctx, *suite, record);
    if (o.bless) bless_all(ctx, *suite, results, record);
    record_stale_files(o, record);
    warn_cache_trouble(ctx, err);
    return finish(o, record, started, err);
}

}  // namespace fearless::check
