#include "app.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <unistd.h>

#include "case.hpp"
#include "check.hpp"
#include "commands.hpp"
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
#include "term.hpp"

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
        auto text = read_file(o.root / f);
        if (!text) {
            identity.problems.push_back(fmt::format("{}: cannot read the file", identity.display));
            cases.push_back(std::move(identity));
            continue;
        }
        cases.push_back(parse_case(*text, std::move(identity)));
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

std::string bless_hint(const Options& o, const Case& c) {
    std::string cmd = o.program;
    if (o.expected_given) cmd += " --expected " + o.expected_dir.generic_string();
    return fmt::format("{} --bless {}", cmd, c.display);
}

}  // namespace

int run_suite(const Options& o, std::ostream& out, std::ostream& err) {
    const auto started = Clock::now();
    ConsoleReporter console(out, ConsoleStyle{colour_wanted(STDOUT_FILENO) && &out == &std::cout,
                                              is_terminal(STDOUT_FILENO) && &out == &std::cout, o.verbose});
    std::vector<Result> results;
    auto record = [&](Result r) {
        console.result(r);
        results.push_back(std::move(r));
    };

    auto discovery = discover_cases(o.root, o.cases_dir, o.paths, o.filter);
    auto cases = load_cases(o, discovery.files);
    auto compilers = load_compilers(o);
    if (compilers.empty()) {
        err << "fearless-check: no compiler found (looked for g++, clang++, clang++-19, clang++-22); name one with --compiler\n";
        return 2;
    }
    RunSettings settings;
    settings.root = o.root;
    for (const auto& inc : o.includes) settings.includes.push_back(relative_to_root(o.root, inc).string());
    settings.flags = o.flags;
    settings.timeout = std::chrono::milliseconds(static_cast<long long>(o.timeout_s * 1000));
    settings.clang_tidy = o.clang_tidy;
    auto jobs = plan_jobs(cases, compilers);

    if (o.list) {
        for (const auto& j : jobs)
            out << fmt::format("{}  [{}]  {}{}\n", cases[j.case_index].display, compilers[j.compiler_index].label,
                               mode_name(*cases[j.case_index].mode), j.skip_reason.empty() ? "" : "  (skip: " + j.skip_reason + ")");
        for (const auto& c : cases)
            if (c.malformed()) out << fmt::format("{}  [-]  malformed\n", c.display);
        return 0;
    }

    // Problems found before anything runs are failures, never passes.
    for (const auto& p : discovery.problems) record(Result{p.substr(0, p.find(':')), "-", Status::fail, p.substr(p.find(':') + 2), {}, {}, {}});
    for (const auto& c : cases) {
        if (!c.malformed()) continue;
        std::string details;
        for (const auto& p : c.problems) details += p + "\n";
        record(Result{c.display, "-", Status::fail, "malformed case: " + c.problems.front(), details, {}, {}});
    }

    // Each job's result lands in its slot; results are reported in plan order.
    std::vector<std::optional<Result>> slots(jobs.size());
    std::vector<Verdict> verdicts(jobs.size());
    std::size_t next_to_report = 0, finished = 0;
    const auto wip = wip_dir();

    auto work = [&](std::size_t i) {
        const Job& job = jobs[i];
        const Case& c = cases[job.case_index];
        const Compiler& compiler = compilers[job.compiler_index];
        Result r{c.display, compiler.label, Status::skip, job.skip_reason, {}, {}, {}};
        if (!job.skip_reason.empty()) {
            slots[i] = std::move(r);
            return;
        }
        if (!compiler.problem.empty()) {
            r.status = Status::fail;
            r.reason = compiler.problem;
            slots[i] = std::move(r);
            return;
        }
        auto t0 = Clock::now();
        JobOutput output = run_job(c, compiler, settings);
        auto expected_stderr = load_expected(o.expected_dir.is_absolute() ? o.expected_dir : o.root / o.expected_dir, c.id, "stderr", compiler);
        auto expected_stdout = load_expected(o.expected_dir.is_absolute() ? o.expected_dir : o.root / o.expected_dir, c.id, "stdout", compiler);
        Verdict v = check_job(CheckInput{c, output, o.root, expected_stderr, expected_stdout, o.bless});
        r.status = v.status;
        r.reason = v.reason;
        r.details = v.details;
        r.duration = since(t0);
        if (output.compile) r.commands.push_back(shell_line(output.compile->command));
        for (const auto& s : output.checkers) r.commands.push_back(shell_line(s.command));
        if (output.program) r.commands.push_back(shell_line(output.program->command));
        if (v.would_be) {
            auto rel = v.would_be->lexically_relative(o.expected_dir.is_absolute() ? o.expected_dir : o.root / o.expected_dir);
            auto wip_file = wip / rel;
            if (write_file(wip_file, v.would_be_text))
                r.details += fmt::format("the would-be file: {}\naccept it with: {}\n", wip_file.string(), bless_hint(o, c));
        }
        verdicts[i] = std::move(v);
        slots[i] = std::move(r);
    };
    auto done = [&](std::size_t) {
        ++finished;
        while (next_to_report < jobs.size() && slots[next_to_report]) record(std::move(*slots[next_to_report++]));
        console.progress(finished, jobs.size());
    };
    run_parallel(jobs.size(), o.jobs, work, done);

    if (o.bless) {
        // Per case, write the least specific expected files true for every compiler that ran it.
        std::map<std::size_t, std::vector<std::size_t>> by_case;
        for (std::size_t i = 0; i < jobs.size(); ++i) by_case[jobs[i].case_index].push_back(i);
        auto expected_dir = o.expected_dir.is_absolute() ? o.expected_dir : o.root / o.expected_dir;
        for (const auto& [ci, idx] : by_case) {
            std::vector<BlessOutput> errs, outs;
            bool all_ok = true;
            for (auto i : idx) {
                if (!jobs[i].skip_reason.empty()) continue;
                all_ok = all_ok && verdicts[i].status == Status::pass;
                if (verdicts[i].actual_stderr) errs.push_back({&compilers[jobs[i].compiler_index], *verdicts[i].actual_stderr});
                if (verdicts[i].actual_stdout) outs.push_back({&compilers[jobs[i].compiler_index], *verdicts[i].actual_stdout});
            }
            // Never bless a case that fails for another reason: its output is not a truth to keep.
            if (!all_ok) continue;
            // One stdout for every compiler: a program's output does not depend on who compiled it.
            bool silent = false;
            // A regex file is written by hand; bless only starts one when there is none.
            if (cases[ci].stdout_mode == StdoutMode::regex && read_file(expected_dir / (cases[ci].id + ".stdout"))) outs.clear();
            if (!outs.empty()) {
                bool same = std::all_of(outs.begin(), outs.end(), [&](const BlessOutput& b) { return b.text == outs.front().text; });
                if (!same) {
                    console.message(fmt::format("bless: {}: the compilers' programs print different output; not blessed", cases[ci].display));
                    continue;
                }
                outs.resize(1);
                // A program that prints nothing needs no .stdout file.
                silent = outs.front().text.empty();
                if (silent) outs.clear();
            }
            auto stdout_plan = plan_bless(expected_dir, cases[ci].id, "stdout", outs);
            if (silent) stdout_plan.removals.push_back(expected_dir / (cases[ci].id + ".stdout"));
            for (auto plan : {plan_bless(expected_dir, cases[ci].id, "stderr", errs), stdout_plan}) {
                // Write only what changes, and say so.
                std::erase_if(plan.writes, [](const auto& w) { return read_file(w.first) == w.second; });
                std::erase_if(plan.removals, [](const auto& p) { return !std::filesystem::exists(p); });
                for (const auto& e : apply_bless(plan)) console.message("bless: " + e);
                for (const auto& [p, _] : plan.writes) console.message(fmt::format("blessed {}", relative_to_root(o.root, p).generic_string()));
                for (const auto& p : plan.removals) console.message(fmt::format("removed {}", relative_to_root(o.root, p).generic_string()));
            }
        }
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
