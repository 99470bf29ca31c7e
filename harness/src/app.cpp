#include "app.hpp"

#include <chrono>
#include <map>

#include <fmt/format.h>

#include "bless.hpp"
#include "case.hpp"
#include "check.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "compiler.hpp"
#include "discover.hpp"
#include "plan.hpp"
#include "pool.hpp"
#include "process.hpp"
#include "report_console.hpp"
#include "report_files.hpp"
#include "result.hpp"
#include "runner.hpp"
#include "snapshot.hpp"

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

std::vector<Compiler> load_compilers(const Options& o) {
    std::vector<Compiler> compilers;
    if (!o.compilers.empty()) {
        for (const auto& c : o.compilers) compilers.push_back(identify_compiler(c));
    } else {
        for (const auto& c : default_compiler_candidates())
            if (find_program(c)) compilers.push_back(identify_compiler(c));
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

// One case × compiler, start to verdict. This is the unit a result cache
// (issue 5) wraps: its key is the case text, the content of what it includes,
// the compiler's identity, the flags and the harness version; a hit returns
// the stored JobRecord without starting a process.
JobRecord execute_job(const Options& o, const RunSettings& settings, const Case& c, const Compiler& compiler,
                      const std::filesystem::path& expected_dir, const std::filesystem::path& wip) {
    JobRecord rec;
    rec.result = Result{c.display, compiler.label, Status::fail, {}, {}, {}, {}};
    if (!compiler.problem.empty()) {
        rec.result.reason = compiler.problem;
        return rec;
    }
    auto t0 = Clock::now();
    JobOutput output = run_job(c, compiler, settings);
    auto expected_stderr = load_expected(expected_dir, c.id, "stderr", compiler);
    auto expected_stdout = load_expected(expected_dir, c.id, "stdout", compiler);
    rec.verdict = check_job(CheckInput{c, output, o.root, expected_stderr, expected_stdout, o.bless});
    auto& r = rec.result;
    r.status = rec.verdict.status;
    r.reason = rec.verdict.reason;
    r.details = rec.verdict.details;
    r.duration = since(t0);
    if (output.compile) r.commands.push_back(shell_line(output.compile->command));
    for (const auto& s : output.checkers) r.commands.push_back(shell_line(s.command));
    if (output.program) r.commands.push_back(shell_line(output.program->command));
    if (rec.verdict.would_be) {
        auto wip_file = wip / rec.verdict.would_be->lexically_relative(expected_dir);
        if (write_file(wip_file, rec.verdict.would_be_text))
            r.details += fmt::format("the would-be file: {}\naccept it with: {}\n", wip_file.string(), bless_hint(o, c));
    }
    return rec;
}

}  // namespace

int run_suite(const Options& o, std::ostream& out, std::ostream& err, Terminal terminal) {
    const auto started = Clock::now();
    if (o.paths.empty() && !std::filesystem::is_directory(o.root / o.cases_dir)) {
        err << fmt::format("fearless-check: no cases folder '{}' in {} (set it with --cases or in {})\n",
                           o.cases_dir.generic_string(), o.root.string(), config_file_name);
        return 2;
    }
    auto compilers = load_compilers(o);
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
                               mode_name(*cases[j.case_index].mode), j.skip_reason.empty() ? "" : "  (skip: " + j.skip_reason + ")");
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
    const auto expected_dir = (o.root / o.expected_dir).lexically_normal();
    const auto wip = wip_dir();
    std::vector<std::optional<JobRecord>> records(jobs.size());
    std::size_t next_to_report = 0, finished = 0;
    auto work = [&](std::size_t i) {
        const Job& job = jobs[i];
        const Case& c = cases[job.case_index];
        const Compiler& compiler = compilers[job.compiler_index];
        if (!job.skip_reason.empty())
            records[i] = JobRecord{Result{c.display, compiler.label, Status::skip, job.skip_reason, {}, {}, {}}, Verdict{}};
        else
            records[i] = execute_job(o, settings, c, compiler, expected_dir, wip);
    };
    auto done = [&](std::size_t) {
        ++finished;
        while (next_to_report < jobs.size() && records[next_to_report]) record(records[next_to_report++]->result);
        console.progress(finished, jobs.size());
    };
    run_parallel(jobs.size(), o.jobs, work, done);

    if (o.bless) {
        std::map<std::size_t, std::vector<JobOutcome>> by_case;
        for (std::size_t i = 0; i < jobs.size(); ++i)
            if (jobs[i].skip_reason.empty()) by_case[jobs[i].case_index].push_back({&compilers[jobs[i].compiler_index], &records[i]->verdict});
        for (const auto& [ci, outcomes] : by_case)
            for (const auto& line : bless_case(cases[ci], outcomes, expected_dir, o.root)) console.message(line);
    }

    // Expected files with no case: only meaningful when the whole suite ran.
    if (o.paths.empty() && o.filter.empty()) {
        for (const auto& p : find_stale_expected(o.root, o.expected_dir, o.cases_dir))
            record(Result{p.generic_string(), "-", Status::fail, "stale expected file: its case does not exist (delete it or restore the case)", {}, {}, {}});
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
