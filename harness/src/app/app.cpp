#include "app/app.hpp"

#include <chrono>
#include <csignal>
#include <map>
#include <set>

#include <fmt/format.h>
#include <unistd.h>

#include "app/config.hpp"
#include "app/job.hpp"
#include "app/report_files.hpp"
#include "case/discover.hpp"
#include "case/folder_config.hpp"
#include "case/revisions.hpp"
#include "report/console.hpp"
#include "report/github.hpp"
#include "run/plan.hpp"
#include "run/pool.hpp"
#include "run/process/stop.hpp"
#include "run/runner.hpp"
#include "run/schedule.hpp"
#include "run/shard.hpp"
#include "util/file.hpp"
#include "util/path.hpp"
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
    const auto dirs = own_dirs(o);
    for (const auto& f : files) {
        Case identity;
        identity.file = f;
        identity.id = case_id(o.root, o.cases_dir, f);
        identity.display = shown_path(o.root, dirs, f).generic_string();
        const auto folder = folder_config_for(o.root, o.cases_dir, f);
        identity.verify_style = folder.verify;
        identity.verify_prefixes = folder.verify_prefixes;
        if (!folder.problem.empty()) {
            identity.problems.push_back(folder.problem);
            cases.push_back(std::move(identity));
        } else if (auto text = read_file(o.root / f)) {
            for (auto& c : parse_cases(*text, std::move(identity))) cases.push_back(std::move(c));
        } else {
            identity.problems.push_back(fmt::format("{}: cannot read the file", identity.display));
            cases.push_back(std::move(identity));
        }
    }
    // --filter sees the name reports show, so "name.cpp[bad]" picks one revision.
    std::erase_if(cases, [&](const Case& c) { return c.display.find(o.filter) == std::string::npos; });
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

// What names a suite in the cache's record of failures: its folders.
std::string suite_key(const Options& o) {
    return fmt::format("{}\n{}\n{}", o.root.generic_string(),
                       (o.root / o.cases_dir).lexically_normal().generic_string(),
                       (o.root / o.expected_dir).lexically_normal().generic_string());
}

std::string failed_key(const std::string& display, const std::string& compiler_label) {
    return display + "|" + compiler_label;
}

// --rerun-failed: only the jobs recorded as failed; each case's control
// compile moves to its first job still planned.
void keep_failed_jobs(std::vector<Job>& jobs, const std::vector<Case>& cases, const std::vector<Compiler>& compilers,
                      const std::set<std::string>& failed) {
    std::set<std::size_t> controlled;
    for (const auto& j : jobs)
        if (j.control) controlled.insert(j.case_index);
    std::erase_if(jobs, [&](const Job& j) {
        return !failed.count(failed_key(cases[j.case_index].display, compilers[j.compiler_index].label));
    });
    for (auto& j : jobs) j.control = controlled.erase(j.case_index) > 0;
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
    // load_cases applies --filter: a file's revisions are known only once it is read.
    s.discovery = discover_cases(o.root, o.cases_dir, o.paths, "");
    s.cases = load_cases(o, s.discovery.files);
    s.jobs = plan_jobs(s.cases, s.compilers);
    if (o.rerun_failed && s.cache) keep_failed_jobs(s.jobs, s.cases, s.compilers, s.cache->load_failed(suite_key(o)));
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

std::set<std::string> pch_headers(const Options& o, const std::vector<Case>& cases);

// --list-tsv: the same for tools (the CMake package registers one test per line).
void list_jobs_tsv(const Options& o, const Suite& s, std::ostream& out) {
    // Before the jobs it applies to, a "#pch" line: what a run of one case should precompile to share the
    // suite's PCH (`--pch` it), as the whole suite would pick it.
    const auto headers = pch_headers(o, s.cases);
    std::optional<std::string> last;
    auto file = [&](const Case& c) { return (o.root / c.file).lexically_normal().generic_string(); };
    for (const auto& j : s.jobs) {
        const Case& c = s.cases[j.case_index];
        const Compiler& compiler = s.compilers[j.compiler_index];
        auto h = leading_include(c.lines);
        std::string pch = h && headers.count(*h) ? *h : "none";
        if (pch != last) out << fmt::format("#pch\t{}\n", pch);
        last = pch;
        out << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", file(c), c.id, c.display, compiler.command, compiler.label,
                           mode_name(*c.mode), j.skip_reason);
    }
    for (const auto& c : s.cases)
        if (c.malformed()) out << fmt::format("{}\t{}\t{}\t-\t-\tmalformed\t\n", file(c), c.id, c.display);
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

// The headers the run precompiles: --pch, or every leading include several cases share.
std::set<std::string> pch_headers(const Options& o, const std::vector<Case>& cases) {
    if (o.pch == "auto") return shared_leading_includes(cases);
    if (o.pch != "none" && !o.pch.empty()) return {o.pch};
    return {};
}

// One PCH per shared leading include (and compiler and flag set). PCHs live in the cache (reused while valid); with
// --no-cache in a folder of this run only.
void open_pch_store(RunContext& ctx, const std::vector<Case>& cases) {
    const Options& o = ctx.o;
    auto headers = pch_headers(o, cases);
    if (headers.empty()) return;
    ctx.pch_dir = ctx.cache ? ctx.cache->dir() / "pch"
                            : std::filesystem::temp_directory_path() / fmt::format("fearless-check-pch-{}", ::getpid());
    ctx.pch_dir = std::filesystem::absolute(ctx.pch_dir).lexically_normal();
    ctx.pch = std::make_unique<PchStore>(ctx.pch_dir, std::move(headers), o.root, [settings = ctx.settings](const Command& cmd) {
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

// A compile-fail revision's pass says which sibling revision was its control (run/plan.hpp).
Result noting_control(Result r, const std::string& sibling) {
    if (sibling.empty() || r.verdict.status != Status::pass) return r;
    auto& note = r.verdict.reason;
    note += fmt::format("{}control: revision {} (it must compile), no blanked-lines compile", note.empty() ? "" : "; ",
                        sibling);
    return r;
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
        auto r = job.skip_reason.empty() ? noting_control(execute_job(ctx, c, compiler, job.control), job.control_by)
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
        for (const auto& line : bless_case(s.cases[ci], outcomes, ctx.expected_dir, ctx.o.root, ctx.own_dirs)) {
            if (line.starts_with(bless_failure))
                record(decided(s.cases[ci].display, "-", Status::fail, line.substr(bless_failure.size())));
            else
                record.console.message(line);
        }
    }
}

// Expected files with no case: only meaningful when the whole suite ran.
void record_stale_files(const Options& o, Record& record) {
    if (!o.paths.empty() || !o.filter.empty() || stop_requested()) return;
    for (const auto& p : find_stale_expected(o.root, o.expected_dir, o.cases_dir))
        if (!o.shard || in_shard(compilerless_id(p.generic_string()), *o.shard))
            record(decided(shown_path(o.root, own_dirs(o), p).generic_string(), "-", Status::fail,
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
int finish(const Options& o, Record& record, Clock::time_point started, std::ostream& err,
           const std::string& step_summary_file) {
    auto summary = summarize(record.results);
    summary.not_run = record.not_run;
    record.console.finish(summary);
    const auto total = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    int status = summary.failed ? 1 : 0;
    if (stop_requested()) status = 128 + (stop_signal() ? stop_signal() : SIGINT);
    if (!step_summary_file.empty() && !append_file(step_summary_file, step_summary(record.results, summary))) {
        err << "fearless-check: cannot append to $GITHUB_STEP_SUMMARY (" << step_summary_file << ")\n";
        status = 2;
    }
    if (!write_report_files(o, record.results, total, o.shard ? shard_name(*o.shard) : std::string(), err)) status = 2;
    return status;
}

}  // namespace

int run_suite(const Options& o, std::ostream& out, std::ostream& err, Terminal terminal) {
    const auto started = Clock::now();
    auto suite = load_suite(o, err);
    if (!suite) return 2;
    if (o.list || o.list_tsv) {
        o.list_tsv ? list_jobs_tsv(o, *suite, out) : list_jobs(o, *suite, out);
        return 0;
    }
    Record record{ConsoleReporter(out, ConsoleStyle{terminal.colour, terminal.progress, o.verbose, terminal.github}),
                  {}};
    record_pre_run_failures(o, *suite, record);
    auto ctx = make_context(o, std::move(suite->cache));
    open_pch_store(ctx, suite->cases);
    const auto results = run_jobs(ctx, *suite, record);
    if (o.bless) {
        bless_all(ctx, *suite, results, record);
        if (!stop_requested()) cache_for_plain_runs(ctx);  // a stopped bless wrote nothing to judge against
    }
    record_stale_files(o, record);
    // Only a run of the whole suite (or of its failures) says what fails now; a shard is not one, nor is a stopped run.
    if (ctx.cache && o.paths.empty() && o.filter.empty() && !o.shard && !stop_requested()) {
        std::set<std::string> failed;
        for (const auto& r : record.results)
            if (r.verdict.status == Status::fail) failed.insert(failed_key(r.case_display, r.compiler));
        ctx.cache->save_failed(suite_key(o), failed);
    }
    warn_cache_trouble(ctx, err);
    return finish(o, record, started, err, terminal.step_summary);
}

}  // namespace fearless::check
