#include "app/options.hpp"

#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/config.hpp"
#include "run/compiler.hpp"
#include "util/file.hpp"

namespace fearless::check {

namespace {

const char* const case_format_help = R"(
Case files (one snippet per file, cases/<topic>/<name>.cpp):

  //@ compile-fail              exactly one mode: compile-fail | compile-pass | run-pass | run-fail
  //@ mirrors: Listing 16-14    optional, free text: what the case teaches
  //@ only: clang>=19           optional: gcc | clang | clang>=19 ...
  //@ flags: -DNDEBUG           optional extra compiler flags
  //@ stdout: sorted            run cases: exact (default) | sorted | regex
  //@ timeout: 10               optional, seconds (for running the program)
  //@ limits: memory=512M file=16M output=1M   run cases: what the program may use
                                (defaults: memory=4G address space, file=64M per file,
                                output=4M per stream; K, M, G suffixes)
  //@ check: clang-tidy bugprone-use-after-move   its findings count as errors
  #include <mylib.hpp>
  int main() {
      mylib::spawn(work, r);    //~ ERROR cannot be sent between threads safely
      //~^ ERROR /regex/        one ^ per line up; the error text must contain (or match) it
  }

A compile-fail case passes when every annotation matches an error on its line
(an error inside a header counts on the case line its instantiation chain
leads back to) and no error falls on an unannotated line; its normalized
diagnostics must equal expected/<topic>/<name>.stderr (or .gcc.stderr,
.clang.stderr, .clang-14.stderr where compilers differ). Run cases must exit 0
(run-pass) or non-zero (run-fail) and print expected/<topic>/<name>.stdout.
A program that breaks a limit is reported as what it did: "exceeded the memory
limit", "wrote past the file-size limit", "output cut at the cap" (it is killed
there), "left a process behind, killed" (a descendant outside its process group
still held its output).
--bless writes the expected files from what the compilers said.

Optional fearless-check.json in the project root sets the defaults:
  {"cases": "cases", "expected": "expected", "compilers": ["g++", "clang++"],
   "include": ["include"], "flags": [], "timeout": 60, "jobs": 2,
   "cache_dir": ".cache/fearless-check", "pch": "auto"}

Results are cached by content (the case, every file it includes, the compiler,
the flags, the expected files): a run with nothing changed starts no compiler.
A compile-fail case also gets a control compile (once, by the first compiler
that runs it): with its annotated lines blanked it must compile, or it is
reported as a broken case.

Exit status: 0 all passed, 1 something failed, 2 usage or configuration error,
130 / 143 interrupted by SIGINT / SIGTERM (the jobs that finished are reported,
the rest counted "not run"; nothing is cached or blessed from a killed job;
a second Ctrl-C quits at once).
)";

// What the command line gave, before the config file fills in the rest.
struct Given {
    std::string cases_dir, expected_dir;
    std::vector<std::string> compilers, includes;
    std::optional<unsigned> jobs;
    std::optional<double> timeout;
    std::string junit, json, cache_dir, pch, book;
};

// The options and their help; `o` holds the defaults the help names.
void add_options(CLI::App& app, Options& o, Given& g) {
    app.footer(case_format_help);
    app.add_option("PATH", o.paths, "case files or folders (default: the cases folder)");
    app.add_option("--cases", g.cases_dir, fmt::format("where the cases live (default: ./{})", o.cases_dir.string()));
    app.add_option("--expected", g.expected_dir,
                   fmt::format("where expected .stderr/.stdout files live (default: ./{})", o.expected_dir.string()));
    app.add_option("--compiler", g.compilers,
                   fmt::format("compiler to run, repeatable (default: every one found of {})",
                               fmt::join(default_compiler_candidates(), ", ")))
        ->allow_extra_args(false);  // one value per occurrence: what follows is a PATH
    app.add_option("-I", g.includes,
                   fmt::format("include path for the cases, repeatable (default: ./{})", fmt::join(o.includes, " ./")))
        ->allow_extra_args(false);
    app.add_option("-j,--jobs", g.jobs, "parallel jobs (default: number of cores)")->check(CLI::PositiveNumber);
    app.add_option("--filter", o.filter, "only cases whose path contains TEXT");
    app.add_option("--timeout", g.timeout,
                   fmt::format("seconds a compiler or program may run (default: {})", o.timeout_s))
        ->check(CLI::PositiveNumber);
    app.add_flag("--bless", o.bless, "write the expected files from this run's output");
    app.add_option("--junit", g.junit, "write a JUnit XML report to FILE");
    app.add_option("--json", g.json, "write a JSON report to FILE");
    app.add_flag("--no-cache", o.no_cache, "do not use or store cached results (and build precompiled headers afresh)");
    app.add_option(
        "--cache-dir", g.cache_dir,
        "where results and precompiled headers are kept (default: $XDG_CACHE_HOME/fearless-check, else ./.cache/fearless-check)");
    app.add_option(
        "--pch", g.pch,
        "header to precompile for the cases whose first line includes it: HEADER as in #include <HEADER>, auto (default: the one most cases include first) or none");
    app.add_flag("--list", o.list, "list the jobs (case and compiler) and exit");
    app.add_flag("-v,--verbose", o.verbose, "show the exact commands run");
    app.add_option("--book", g.book,
                   "write the suite as a static HTML book into DIR (from the cases and expected files; no compiler runs)")
        ->option_text("DIR");
    app.add_option("--explain", o.explain, "print the book's page of CASE (a file, topic/name or name) and exit")
        ->option_text("CASE");
}

// The command line wins over the config file, which wins over the defaults in `o`.
void merge(Options& o, const Given& g, const Config& cfg, const std::filesystem::path& root) {
    o.cases_dir = !g.cases_dir.empty() ? g.cases_dir : cfg.cases.value_or(o.cases_dir.string());
    o.expected_dir = !g.expected_dir.empty() ? g.expected_dir : cfg.expected.value_or(o.expected_dir.string());
    o.expected_given = !g.expected_dir.empty();
    o.compilers = !g.compilers.empty() ? g.compilers : cfg.compilers.value_or(o.compilers);
    o.includes = !g.includes.empty() ? g.includes : cfg.include.value_or(o.includes);
    o.flags = cfg.flags.value_or(o.flags);
    if (g.jobs)
        o.jobs = *g.jobs;
    else if (cfg.jobs)
        o.jobs = *cfg.jobs;
    o.timeout_s = g.timeout ? *g.timeout : cfg.timeout.value_or(o.timeout_s);
    if (cfg.clang_tidy) o.clang_tidy = *cfg.clang_tidy;
    if (!g.cache_dir.empty())
        o.cache_dir = root / g.cache_dir;
    else if (cfg.cache_dir)
        o.cache_dir = root / *cfg.cache_dir;
    o.pch = !g.pch.empty() ? g.pch : cfg.pch.value_or(o.pch);
    if (!g.junit.empty()) o.junit = g.junit;
    if (!g.json.empty()) o.json = g.json;
    if (!g.book.empty()) o.book = root / g.book;
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, const char* const* argv, const std::filesystem::path& root) {
    ParsedCommandLine parsed;
    Options o;
    o.root = root;
    o.program = argc > 0 ? argv[0] : "fearless-check";
    o.jobs = std::max(1u, std::thread::hardware_concurrency());

    CLI::App app{
        "fearless-check: checks that misuse fails to compile with the expected errors, and that valid cases compile, run and print what they should.",
        "fearless-check"};
    Given given;
    add_options(app, o, given);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        parsed.out = app.help();
        return parsed;
    } catch (const CLI::ParseError& e) {
        parsed.exit_code = 2;
        parsed.err = fmt::format("fearless-check: {}\nRun with --help for usage.\n", e.what());
        return parsed;
    }

    // The config file fills in what the command line left open.
    Config cfg;
    if (auto text = read_file(root / config_file_name)) {
        try {
            cfg = parse_config(*text, std::string(config_file_name));
        } catch (const ConfigError& e) {
            parsed.exit_code = 2;
            parsed.err = fmt::format("fearless-check: {}\n", e.what());
            return parsed;
        }
    }
    merge(o, given, cfg, root);
    parsed.options = std::move(o);
    return parsed;
}

}  // namespace fearless::check
