#include "verdict/judge.hpp"

#include <algorithm>
#include <csignal>

#include <fmt/format.h>

#include "case/control.hpp"
#include "diagnostics/attribute.hpp"
#include "diagnostics/normalize.hpp"
#include "diagnostics/render.hpp"
#include "run/commands.hpp"
#include "util/path.hpp"
#include "util/text.hpp"
#include "verdict/diff.hpp"
#include "verdict/expectations.hpp"
#include "verdict/output_compare.hpp"
#include "verdict/verify_check.hpp"

namespace fearless::check {

namespace {

Verdict fail(std::string reason, std::string details = {}) {
    Verdict v;
    v.status = Status::fail;
    v.reason = std::move(reason);
    v.details = std::move(details);
    return v;
}

Verdict pass(std::string reason = {}) {
    Verdict v;
    v.status = Status::pass;
    v.reason = std::move(reason);
    return v;
}

std::string head(const std::string& text, std::size_t max_lines = 30) {
    auto lines = split_lines(text);
    if (lines.size() <= max_lines) return text;
    lines.resize(max_lines);
    return join(lines, "\n") + fmt::format("\n... ({} more lines)\n", split_lines(text).size() - max_lines);
}

std::string indent(const std::string& text) {
    std::string out;
    for (const auto& l : split_lines(text)) out += l.empty() ? "\n" : "  " + l + "\n";
    return out;
}

// A step that did not get to say anything: missing, crashed, hung.
std::optional<Verdict> broken_tool(const StepRun& s, std::string_view what) {
    const auto& r = s.result;
    switch (r.outcome) {
        case Outcome::failed_to_start:
            return fail(fmt::format("{} could not start: {}", what, r.start_error));
        case Outcome::timed_out:
            return fail(fmt::format("{} {}", what, describe(r)), head(r.err));
        case Outcome::signaled:
            return fail(fmt::format("{} crashed: {}", what, describe(r)), head(r.err));
        case Outcome::exited:
            if (reports_compiler_crash(r.err))
                return fail(fmt::format("{} crashed (internal compiler error)", what), head(r.err));
            return std::nullopt;
    }
    return std::nullopt;
}

std::string where(const Finding& f) {
    return f.in_case ? fmt::format("line {}", f.at.line) : f.at.file;
}

// A problem text names absolute paths; under the root they read better relative.
std::string relative_problem(std::string problem, const std::filesystem::path& root) {
    const auto prefix = root.lexically_normal().string() + "/";
    for (auto at = problem.find(prefix); at != std::string::npos; at = problem.find(prefix))
        problem.erase(at, prefix.size());
    return problem;
}

// Compares a produced text with its expected file; bless turns a difference into a pass.
std::optional<Verdict> compare_expected(const ExpectedFile& expected, const std::string& actual_for_bless,
                                        std::optional<std::string> mismatch, const std::string& expected_shown,
                                        const std::string& actual_shown, const CheckInput& in,
                                        std::string_view what_differs) {
    const bool bless = in.bless;
    std::string name = shown_path(in.root, in.own_dirs, expected.path).generic_string();
    Verdict v;
    if (!expected.problem.empty()) {
        // Not "missing": blessing would not help, the path itself is wrong.
        return fail(fmt::format("cannot use the expected file: {}", relative_problem(expected.problem, in.root)));
    }
    if (!expected.text) {
        if (bless) return std::nullopt;
        v = fail(fmt::format("missing {}", name));
    } else if (mismatch) {
        if (bless) return std::nullopt;
        v = fail(fmt::format("{} from {}{}", what_differs, name, mismatch->empty() ? "" : ": " + *mismatch),
                 unified_diff(expected_shown, actual_shown, name, "actual"));
    } else {
        return std::nullopt;
    }
    v.expectation_only = true;
    v.would_be = expected.path;
    v.would_be_text = actual_for_bless;
    return v;
}

Verdict check_compile_fail(const CheckInput& in, const std::vector<Finding>& errors, const std::string& snapshot) {
    const auto& r = in.out.compile->result;
    const auto annotations = in.compiler ? annotations_for(in.c.annotations, *in.compiler) : in.c.annotations;
    if (errors.empty()) {
        if (r.exit_code == 0) {
            std::vector<std::string> wanted;
            for (const auto& a : annotations) wanted.push_back(fmt::format("line {}: {}", a.line, a.text));
            return fail("compiled without errors, but a compile-fail case must not",
                        "expected errors:\n" + indent(join(wanted, "\n")));
        }
        return fail(fmt::format("the compiler failed ({}) without an error the harness could read", describe(r)),
                    head(r.err));
    }
    auto problems = match_annotations(annotations, errors);
    if (!problems.empty()) {
        std::string reason = problems.front();
        if (problems.size() > 1) reason += fmt::format(" (and {} more)", problems.size() - 1);
        return fail(reason, join(problems, "\n") + "\n\nthe errors, normalized:\n" + indent(snapshot));
    }
    auto mismatch =
        in.expected_stderr.text && *in.expected_stderr.text != snapshot ? std::optional<std::string>("") : std::nullopt;
    if (auto v = compare_expected(in.expected_stderr, snapshot, mismatch, in.expected_stderr.text.value_or(""),
                                  snapshot, in, "diagnostics differ")) {
        if (v->details.empty()) v->details = "the errors, normalized:\n" + indent(snapshot);
        return *v;
    }
    std::string note = in.bless && in.expected_stderr.text != snapshot ? "blessed" : "";
    if (in.c.matches_anywhere())
        note += std::string(note.empty() ? "" : "; ") + "uses //~? (an error matched anywhere, no control compile)";
    return pass(note);
}

std::string size_text(unsigned long bytes) {
    if (bytes % (1ul << 30) == 0) return fmt::format("{} GiB", bytes >> 30);
    if (bytes % (1ul << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
    if (bytes % (1ul << 10) == 0) return fmt::format("{} KiB", bytes >> 10);
    return fmt::format("{} bytes", bytes);
}

// What a program did to its limits (run/commands.cpp's program_limits),
// reported as that rather than as the crash or timeout it ended in.
std::optional<Verdict> broke_a_limit(const Case& c, const ProcessResult& p) {
    if (p.left_behind > 0)
        return fail(fmt::format("left a process behind, killed ({} process{} outside its process group still held "
                                "its output after it ended)",
                                p.left_behind, p.left_behind == 1 ? "" : "es"),
                    head(p.err));
    if (p.killed_past_output_cap)
        return fail(fmt::format("output cut at the cap ({}), killed: it printed more than //@ limits: output= allows",
                                size_text(c.limits.output.value_or(default_program_output))),
                    head(p.err));
    if (p.outcome == Outcome::signaled && p.signal == SIGXFSZ)
        return fail(fmt::format("wrote past the file-size limit ({}), killed by SIGXFSZ",
                                size_text(c.limits.file.value_or(default_program_file_size))),
                    head(p.err));
    // RLIMIT_AS makes allocation fail: operator new throws, and uncaught that is std::terminate.
    const bool failed = p.outcome == Outcome::signaled || (p.outcome == Outcome::exited && p.exit_code != 0);
    if (failed && (p.err.find("std::bad_alloc") != std::string::npos ||
                   p.err.find("Cannot allocate memory") != std::string::npos))
        return fail(fmt::format("exceeded the memory limit ({}): {}",
                                size_text(c.limits.memory.value_or(default_program_memory)), describe(p)),
                    head(p.err));
    return std::nullopt;
}

Verdict check_run(const CheckInput& in, const std::vector<Finding>& errors, const std::string& snapshot) {
    if (!in.out.program) {
        if (!errors.empty())
            return fail(fmt::format("does not compile: {}: {}", where(errors.front()), errors.front().message),
                        snapshot);
        return fail(fmt::format("does not compile ({})", describe(in.out.compile->result)),
                    head(in.out.compile->result.err));
    }
    const auto& p = in.out.program->result;
    const bool want_failure = traits(*in.c.mode).program_fails;
    if (auto v = broke_a_limit(in.c, p)) return *v;
    std::string note;
    switch (p.outcome) {
        case Outcome::failed_to_start:
            return fail(fmt::format("the program could not start: {}", p.start_error));
        case Outcome::timed_out:
            return fail(fmt::format("{} (deadlock or endless loop?{}), killed", describe(p),
                                    p.closed_stdout_early ? " it had closed its stdout" : ""),
                        head(p.err));
        case Outcome::signaled:
            // An uncaught exception ends in std::terminate → SIGABRT: C++'s panic,
            // which a run-fail case may expect. Any other signal is a crash.
            if (!(want_failure && p.signal == SIGABRT))
                return fail(fmt::format("crashed: {}", describe(p)), head(p.err));
            note = describe(p);
            break;
        case Outcome::exited:
            if (!want_failure && p.exit_code != 0)
                return fail(fmt::format("{}, run-pass expects 0", describe(p)), head(p.err));
            if (want_failure && p.exit_code == 0)
                return fail("exited with code 0, run-fail expects a failure", head(p.err));
            if (want_failure) note = describe(p);
            break;
    }
    std::string blessed = bless_stdout(in.c.stdout_mode, p.out);
    if (!in.expected_stdout.text && in.expected_stdout.problem.empty() && p.out.empty()) return pass(note);
    auto mismatch =
        in.expected_stdout.text ? compare_stdout(in.c.stdout_mode, *in.expected_stdout.text, p.out) : std::nullopt;
    std::string shown_expected = comparable_stdout(in.c.stdout_mode, in.expected_stdout.text.value_or(""));
    std::string shown_actual = comparable_stdout(in.c.stdout_mode, p.out);
    if (auto v = compare_expected(in.expected_stdout, blessed, mismatch, shown_expected, shown_actual, in,
                                  "stdout differs")) {
        if (v->details.empty()) v->details = "the program printed:\n" + indent(head(p.out));
        if (p.out_truncated) v->details += "(stdout was cut at the output cap)\n";
        return *v;
    }
    return pass(note);
}

// The control compile (the case with its annotated lines blanked) must succeed.
std::optional<Verdict> check_control(const CheckInput& in) {
    if (!in.out.control) return std::nullopt;
    const auto& s = *in.out.control;
    if (auto v = broken_tool(s, "the control compile's compiler")) return v;
    if (s.result.exit_code == 0) return std::nullopt;
    // Its diagnostics name the temporary copy: show the case's path instead.
    std::string err = s.result.err;
    if (!s.command.argv.empty()) {
        const std::string copy = s.command.argv.back();
        for (std::size_t at = 0; (at = err.find(copy, at)) != std::string::npos; at += in.c.file.string().size())
            err.replace(at, copy.size(), in.c.file.string());
    }
    std::vector<std::string> lines;
    for (int l : control_lines(in.c)) lines.push_back(std::to_string(l));
    return fail("broken case: control compile failed: the error does not come from the annotated line(s)",
                fmt::format("with line(s) {} blanked, the case should compile, but the compiler says:\n{}",
                            join(lines, ", "), indent(head(err))));
}

}  // namespace

std::vector<Diagnostic> checker_errors(const std::string& tidy_output, const std::vector<std::string>& checks) {
    std::vector<Diagnostic> out;
    for (auto d : parse_diagnostics(tidy_output)) {
        bool ours = false;
        for (const auto& c : checks)
            ours = ours || ends_with(d.message, "[" + c + "]") || d.message.find("[" + c + ",") != std::string::npos;
        if (!ours || d.severity == Severity::note) continue;
        d.severity = Severity::error;
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<Finding> job_findings(const Case& c, const JobOutput& out, const std::filesystem::path& root,
                                  const std::vector<std::filesystem::path>& own_dirs) {
    std::vector<Diagnostic> diags;
    if (out.compile) diags = parse_diagnostics(out.compile->result.err);
    for (std::size_t i = 0; i < out.checkers.size() && i < c.checks.size(); ++i) {
        auto more = checker_errors(out.checkers[i].result.out, c.checks[i].checks);
        diags.insert(diags.end(), more.begin(), more.end());
    }
    return normalize(attribute(diags, c.file, root), NormalizeContext{root, own_dirs});
}

int failure_line(const Case& c, const std::vector<Finding>& errors) {
    // An annotation no error matches, then an error on a line without one.
    for (const auto& a : c.annotations)
        if (std::none_of(errors.begin(), errors.end(), [&](const Finding& f) { return annotation_matches(a, f); }))
            return a.line;
    for (const auto& f : errors)
        if (f.in_case && std::none_of(c.annotations.begin(), c.annotations.end(),
                                      [&](const Annotation& a) { return a.line == f.at.line; }))
            return f.at.line;
    // Otherwise the first line that says what is expected, or the first error on the case.
    if (!c.annotations.empty()) return c.annotations.front().line;
    for (const auto& f : errors)
        if (f.in_case) return f.at.line;
    return 0;
}

Verdict check_job(const CheckInput& in) {
    if (!in.out.setup_error.empty()) return fail(in.out.setup_error);
    if (!in.out.launcher_error.empty())
        return fail(in.out.launcher_error, fmt::format("{}\n", fmt::join(in.out.launcher_said, "\n")));
    if (!in.out.compile) return fail("internal error: the job did not run");
    if (auto v = broken_tool(*in.out.compile, "the compiler")) return *v;
    for (const auto& s : in.out.checkers)
        if (auto v = broken_tool(s, s.command.argv.empty() ? "the checker" : s.command.argv.front())) return *v;

    if (in.c.verify_style && !traits(*in.c.mode).runs)
        return check_verify(in.c, parse_diagnostics(in.out.compile->result.err),
                            in.compiler ? family_name(in.compiler->family) : "", in.root);

    auto errors = job_findings(in.c, in.out, in.root, in.own_dirs);
    std::string snapshot = render_snapshot(errors, in.c.lines);
    Verdict v;
    const ModeTraits& mode = traits(*in.c.mode);
    if (mode.rejected) {
        v = check_compile_fail(in, errors, snapshot);
        // A broken case comes before its expected file: blessing would not fix it.
        if (v.status == Status::pass || v.expectation_only)
            if (auto broken = check_control(in)) v = *broken;
        v.actual_stderr = snapshot;
    } else if (mode.runs) {
        v = check_run(in, errors, snapshot);
        if (in.out.program) v.actual_stdout = bless_stdout(in.c.stdout_mode, in.out.program->result.out);
    } else if (!errors.empty()) {
        v = fail(fmt::format("does not compile: {}: {}", where(errors.front()), errors.front().message), snapshot);
    } else if (in.out.compile->result.exit_code != 0) {
        v = fail(fmt::format("does not compile ({})", describe(in.out.compile->result)),
                 head(in.out.compile->result.err));
    } else {
        v = pass();
    }
    if (in.out.compile->result.err_truncated) v.details += "(compiler output was cut at the output cap)\n";
    if (v.status == Status::fail) v.line = failure_line(in.c, errors);
    return v;
}

}  // namespace fearless::check
