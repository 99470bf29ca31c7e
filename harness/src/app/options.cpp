#include "app/options.hpp"

#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/config.hpp"
#include "run/compiler.hpp"
#include "util/file.hpp"
#include "util/path.hpp"
#include "util/text.hpp"

namespace fearless::check {

namespace {

const char* const case_format_help = R"(
Case files (one snippet per file, cases/<topic>/<name>.cpp):

  //@ compile-fail              exactly one mode: compile-fail | compile-pass | run-pass | run-fail
  //@ mirrors: Listing 16-14    optional, free text: what the case teaches
  //@ only: clang>=19           optional: gcc | clang | clang>=19 ...
  //@ flags: -DNDEBUG           optional extra compiler flags
  //@ std: c++17                optional language standard (default: the config's "std", else c++20)
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
      //~| ERROR[gcc] text      only from these compilers: [gcc], [clang], [clang>=19], [gcc|clang<19]
  }
  //~? ERROR text              an error anywhere: a header no chain leads back from
                               (the case then gets no control compile, and its report says so)

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
--bless writes the expected files from what the compilers said; a compiler on
which the case fails is not blessed, and the bless says which and why.

Revisions: one file, several configurations, each its own job per compiler:
  //@ revisions: ok bad         names: letters, digits, _; each is compiled with -DFEARLESS_REVISION_<name>
  //@[bad] compile-fail         any directive scoped to revisions ([a,b] for several); unscoped: every one
  //@[ok] compile-pass          a scoped only/std/stdout/timeout/limits replaces the unscoped one,
  //@[bad] flags: -DX           flags/check/mirrors add to it
  #ifdef FEARLESS_REVISION_bad
      f(rc);  //~[bad] ERROR cannot be sent     also //~[bad]^ and //~[bad]? (the scope right after //~)
  #endif
Shown as cases/<topic>/<name>.cpp[bad]; snapshots expected/<topic>/<name>.bad.stderr
(.bad.gcc.stderr ...); --filter 'name.cpp[bad]' runs one revision. A compile-fail
revision whose sibling must compile on the same compiler has it as its control
(no blanked-lines compile). In a -verify case a revision checks the prefixes
REV and the folder's (or expected), REV-gcc / REV-clang on their family;
//@[REV] verify-prefixes: a,b names them.

clang -verify annotations instead (a file with no //@ mode, or under a folder
whose fearless-check.json says {"annotations": "verify"}; it needs no header):
  f(A{});     // expected-error {{no matching function}}   also -warning, -note
  // expected-error@+1 {{...}}    @-1, @5 (a line), @mini.hpp:14 (another file), @* (any line)
  // expected-error-re {{call to '{{[a-z]+}}'}}            -re: {{...}} parts are regexes
  // expected-note 2 {{candidate}}                          counts: N, N+, N-M, +
  // expected-no-diagnostics
  // gcc-error {{...}} / clang-error {{...}}  only on that family; "verify_prefixes"
  // in the folder's config adds prefixes (-verify=expected,cxx20).
Compile-fail if it expects an error, else compile-pass. Every expected error,
warning and note must be seen and no error or warning may be unexpected (other
notes pass); text matches as -verify does (a substring). No .stderr snapshot.

Optional fearless-check.json in the project root sets the defaults:
  {"cases": "cases", "expected": "expected", "compilers": ["g++", "clang++"],
   "include": ["include"], "flags": [], "timeout": 60, "jobs": 2,
   "cache_dir": ".cache/fearless-check", "pch": "auto", "std": "c++20",
   "launcher": "ccache", "root": "."}
Paths in it are relative to the root; "root" itself to the file's folder.

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
    std::string root, cases_dir, expected_dir;
    std::vector<std::string> compilers, includes, flags;
    std::optional<unsigned> jobs;
    std::optional<double> timeout;
    std::string junit, json, cache_dir, pch, book, shard, launcher;
};

// The options and their help; `o` holds the defaults the help names.
void add_options(CLI::App& app, Options& o, Given& g) {
    app.footer(case_format_help);
    app.add_option("PATH", o.paths, "case files or folders (default: the cases folder)");
    app.add_option("--root", g.root,
                   "the project root: cases are named relative to it in every report and snapshot (default: the "
                   "working directory)")
        ->option_text("DIR");
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
    app.add_option("--flag", g.flags, "extra compiler flag for every case, repeatable, after the config's (--flag=-DX)")
        ->allow_extra_args(false);
    app.add_option("-j,--jobs", g.jobs, "parallel jobs (default: number of cores)")->check(CLI::PositiveNumber);
    app.add_option("--filter", o.filter, "only cases whose shown name contains TEXT (a revision's: cases/x.cpp[bad])");
    app.add_option("--timeout", g.timeout,
                   fmt::format("seconds a compiler or program may run (default: {})", o.timeout_s))
        ->check(CLI::PositiveNumber);
    app.add_flag("--bless", o.bless, "write the expected files from this run's output");
    app.add_option("--junit", g.junit, "write a JUnit XML report to FILE");
    app.add_option("--json", g.json, "write a JSON report to FILE");
    app.add_flag("--rerun-failed", o.rerun_failed,
                 "run only the jobs that failed in the previous run of this suite (recorded in the cache folder)");
    app.add_flag("--no-cache", o.no_cache, "do not use or store cached results (and build precompiled headers afresh)");
    app.add_option(
        "--cache-dir", g.cache_dir,
        "where results and precompiled headers are kept (default: $XDG_CACHE_HOME/fearless-check, else ./.cache/fearless-check)");
    app.add_option(
        "--pch", g.pch,
        "header to precompile for the cases whose first line includes it: HEADER as in #include <HEADER>, auto (default: every header that several cases include first, one PCH each) or none");
    app.add_flag("--list", o.list, "list the jobs (case and compiler) and exit");
    app.add_flag(
        "--list-tsv", o.list_tsv,
        "list the jobs for tools, one a line: case file, topic/name, shown name, compiler command, compiler label, mode, "
        "skip reason (tab-separated; mode 'malformed', compiler '-' for a malformed case), after a first line "
        "'#pch<TAB>HEADER' (the suite's --pch, for running one case)");
    app.add_option("--bless-hint", o.bless_hint,
                   "the command a failure names for accepting the output (default: this command with --bless)")
        ->option_text("CMD");
    app.add_flag("-v,--verbose", o.verbose, "show the exact commands run");
    app.add_option(
           "--book", g.book,
           "write the suite as a static HTML book into DIR (from the cases and expected files; no compiler runs)")
        ->option_text("DIR");
    app.add_option("--explain", o.explain, "print the book's page of CASE (a file, topic/name or name) and exit")
        ->option_text("CASE");
    app.add_option("--shard", g.shard,
                   "run only shard K of N (1 <= K <= N), for N CI machines. A job (case x compiler) belongs to a "
                   "shard by a hash of its id and N alone, so adding or removing cases never moves other jobs, "
                   "and the N shards together run every job exactly once. Recorded times order the jobs within "
                   "a shard and --list --shard prints each shard's recorded time; they never move a job between "
                   "shards (machines with different caches would disagree)")
        ->option_text("K/N");
    app.add_flag("--merge-reports", o.merge_reports,
                 "treat the PATHs as --json reports of shards: check each job is in one of them and every shard "
                 "is there, print the merged results and write them with --json / --junit");
    app.add_option("--launcher", g.launcher,
                   "put CMD (words split on spaces) before every compiler command: ccache, distcc, icecc, sccache. "
                   "The compiler's identity (cache keys, labels) stays the compiler's; a launcher that fails is "
                   "reported as the launcher's failure")
        ->option_text("CMD");
}

// With a root other than the working directory, what the command line names
// stays relative to where the user typed it.
void anchor_to(const std::filesystem::path& cwd, Given& g, std::vector<std::string>& paths) {
    auto anchor = [&](std::string& p) {
        if (!p.empty()) p = (cwd / p).lexically_normal().string();
    };
    for (auto* p : {&g.cases_dir, &g.expected_dir, &g.junit, &g.json, &g.cache_dir, &g.book}) anchor(*p);
    for (auto& p : g.includes) anchor(p);
    for (auto& p : paths) anchor(p);
}

// The command line wins over the config file, which wins over the defaults in `o`.
void merge(Options& o, const Given& g, const Config& cfg, const std::filesystem::path& root) {
    o.cases_dir = !g.cases_dir.empty() ? g.cases_dir : cfg.cases.value_or(o.cases_dir.string());
    o.expected_dir = !g.expected_dir.empty() ? g.expected_dir : cfg.expected.value_or(o.expected_dir.string());
    o.expected_given = !g.expected_dir.empty();
    // What decides which files a bless reads and writes, for the accept hint to repeat.
    auto repeat = [&](const std::string& option, const std::string& value) {
        o.rerun_args.push_back(option);
        o.rerun_args.push_back(value);
    };
    if (!g.cases_dir.empty()) repeat("--cases", g.cases_dir);
    if (!g.expected_dir.empty()) repeat("--expected", g.expected_dir);
    for (const auto& c : g.compilers) repeat("--compiler", c);
    for (const auto& i : g.includes) repeat("-I", i);
    o.compilers = !g.compilers.empty() ? g.compilers : cfg.compilers.value_or(o.compilers);
    o.includes = !g.includes.empty() ? g.includes : cfg.include.value_or(o.includes);
    o.flags = cfg.flags.value_or(o.flags);
    o.flags.insert(o.flags.end(), g.flags.begin(), g.flags.end());
    o.std_version = cfg.std_version.value_or(o.std_version);
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
    o.launcher = !g.launcher.empty() ? split_words(g.launcher) : cfg.launcher.value_or(o.launcher);
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, const char* const* argv, const std::filesystem::path& cwd) {
    ParsedCommandLine parsed;
    Options o;
    o.root = cwd;
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

    // The config file (in --root if given, else here) fills in what the command line left open.
    const std::filesystem::path config_dir = given.root.empty() ? cwd : cwd / given.root;
    Config cfg;
    if (auto text = read_file(config_dir / config_file_name)) {
        try {
            cfg = parse_config(*text, std::string(config_file_name));
        } catch (const ConfigError& e) {
            parsed.exit_code = 2;
            parsed.err = fmt::format("fearless-check: {}\n", e.what());
            return parsed;
        }
    }
    if (!given.root.empty() || cfg.root) {
        o.root = canonical_path(given.root.empty() ? config_dir / *cfg.root : config_dir);
        if (!std::filesystem::is_directory(o.root)) {
            parsed.exit_code = 2;
            parsed.err = fmt::format(
                "fearless-check: the root '{}' is not a folder\n",
                given.root.empty() ? (config_dir / config_file_name).string() + ": " + *cfg.root : given.root);
            return parsed;
        }
        o.root_moved = o.root != canonical_path(cwd);
        if (o.root_moved) anchor_to(cwd, given, o.paths);
    }
    merge(o, given, cfg, o.root);
    if (o.rerun_failed && o.no_cache) {
        parsed.exit_code = 2;
        parsed.err =
            "fearless-check: --rerun-failed needs the cache folder, where the failures are recorded; drop --no-cache\n";
        return parsed;
    }
    if (!given.shard.empty()) {
        std::string why;
        o.shard = parse_shard(given.shard, &why);
        if (!o.shard) {
            parsed.exit_code = 2;
            parsed.err = fmt::format("fearless-check: {}\nRun with --help for usage.\n", why);
            return parsed;
        }
    }
    o.cases_given = !given.cases_dir.empty();
    o.includes_given = !given.includes.empty();
    parsed.options = std::move(o);
    return parsed;
}

std::vector<std::filesystem::path> own_dirs(const Options& o) {
    std::vector<std::filesystem::path> dirs = {canonical_path(o.root / o.cases_dir).parent_path(),
                                               canonical_path(o.root / o.expected_dir).parent_path()};
    for (const auto& inc : o.includes) dirs.push_back(canonical_path(o.root / inc));
    // An installed fearless-check's headers sit in <prefix>/include; in /usr that
    // folder also holds the standard library's, whose notes are not the project's.
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = canonical_path(exe.parent_path().parent_path() / "include");
        if (installed != "/usr/include" && std::filesystem::exists(installed / "fearless" / "fearless.hpp", ec))
            dirs.push_back(installed);
    }
    return dirs;
}

}  // namespace fearless::check
