#include <catch2/catch.hpp>

#include <unistd.h>

#include "app/config.hpp"
#include "app/options.hpp"
#include "fixtures.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {
ParsedCommandLine parse(std::vector<const char*> args, const std::filesystem::path& root = "/nonexistent-root") {
    args.insert(args.begin(), "fearless-check");
    return parse_command_line(static_cast<int>(args.size()), args.data(), root);
}
}  // namespace

TEST_CASE("options: SPEC §6 defaults", "[harness][options]") {
    auto p = parse({});
    REQUIRE(p.options);
    const auto& o = *p.options;
    CHECK(o.paths.empty());
    CHECK(o.cases_dir == "cases");
    CHECK(o.expected_dir == "expected");
    CHECK(o.compilers.empty());
    CHECK(o.includes == std::vector<std::string>{"include"});
    CHECK(o.jobs >= 1);
    CHECK(o.timeout_s == 60);
    CHECK_FALSE(o.bless);
}

TEST_CASE("options: every option", "[harness][options]") {
    auto p = parse({"--cases",    "c",          "--expected", "e",       "--compiler",  "g++",    "--compiler",
                    "clang++-19", "-I",         "inc",        "-Iinc2",  "-j",          "3",      "--filter",
                    "send",       "--timeout",  "5",          "--bless", "--junit",     "j.xml",  "--json",
                    "r.json",     "--no-cache", "--list",     "-v",      "cases/a.cpp", "cases/b"});
    REQUIRE(p.options);
    const auto& o = *p.options;
    CHECK(o.cases_dir == "c");
    CHECK(o.expected_dir == "e");
    CHECK(o.expected_given);
    CHECK(o.compilers == std::vector<std::string>{"g++", "clang++-19"});
    CHECK(o.includes == std::vector<std::string>{"inc", "inc2"});
    CHECK(o.jobs == 3);
    CHECK(o.filter == "send");
    CHECK(o.timeout_s == 5);
    CHECK(o.bless);
    CHECK(o.junit == std::filesystem::path("j.xml"));
    CHECK(o.json == std::filesystem::path("r.json"));
    CHECK(o.no_cache);
    CHECK(o.list);
    CHECK(o.verbose);
    CHECK(o.paths == std::vector<std::string>{"cases/a.cpp", "cases/b"});
}

TEST_CASE("options: a path after --compiler is a path", "[harness][options]") {
    auto p = parse({"--compiler", "g++", "cases/x.cpp"});
    REQUIRE(p.options);
    CHECK(p.options->compilers == std::vector<std::string>{"g++"});
    CHECK(p.options->paths == std::vector<std::string>{"cases/x.cpp"});
}

TEST_CASE("options: usage errors exit 2, --help teaches the case format", "[harness][options]") {
    auto bad = parse({"--no-such-option"});
    CHECK_FALSE(bad.options);
    CHECK(bad.exit_code == 2);
    CHECK(parse({"-j", "0"}).exit_code == 2);
    auto help = parse({"--help"});
    CHECK_FALSE(help.options);
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("//~ ERROR") != std::string::npos);
    CHECK(help.out.find("//@ compile-fail") != std::string::npos);
    CHECK(help.out.find("--bless") != std::string::npos);
    CHECK(help.out.find("//@ revisions: ok bad") != std::string::npos);
}

TEST_CASE("options: the config file sets defaults, the command line wins", "[harness][options]") {
    auto root = std::filesystem::temp_directory_path() / ("fearless-check-options-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    write_file(
        root / "fearless-check.json",
        R"({"cases": "tests/cases", "expected": "tests/expected", "compilers": ["clang++"], "include": ["inc", "third"],
                   "flags": ["-DX"], "timeout": 7, "jobs": 5, "clang_tidy": "clang-tidy-19"})");
    auto p = parse({"--compiler", "g++"}, root);
    REQUIRE(p.options);
    CHECK(p.options->cases_dir == "tests/cases");
    CHECK(p.options->expected_dir == "tests/expected");
    CHECK(p.options->compilers == std::vector<std::string>{"g++"});
    CHECK(p.options->includes == std::vector<std::string>{"inc", "third"});
    CHECK(p.options->flags == std::vector<std::string>{"-DX"});
    CHECK(p.options->timeout_s == 7);
    CHECK(p.options->jobs == 5);
    CHECK(p.options->clang_tidy == "clang-tidy-19");
    write_file(root / "fearless-check.json", R"({"compiler": "g++"})");
    auto bad = parse({}, root);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("unknown key \"compiler\"") != std::string::npos);
    std::filesystem::remove_all(root);
}

TEST_CASE("config: \"std\" sets the standard of every case that names none", "[harness][options]") {
    CHECK(parse_config(R"({"std": "c++17"})", "f.json").std_version == "c++17");
    CHECK_FALSE(parse_config("{}", "f.json").std_version);
    CHECK_THROWS_WITH(parse_config(R"({"std": "17"})", "f.json"), Catch::Contains("f.json: \"std\" must be"));
    CHECK_THROWS_WITH(parse_config(R"({"std": 17})", "f.json"), Catch::Contains("\"std\" must be a string"));
    auto p = parse({});
    REQUIRE(p.options);
    CHECK(p.options->std_version == "c++20");
}

TEST_CASE("options: the accept hint repeats the options that decide what a bless sees", "[harness][options]") {
    auto p = parse({"--compiler", "g++", "-I", "inc", "--expected", "e", "--filter", "x", "-j", "2"});
    REQUIRE(p.options);
    CHECK(p.options->rerun_args ==
          std::vector<std::string>{"--expected", "e", "--compiler", "g++", "-I", "inc"});
    CHECK(parse({}).options->rerun_args.empty());
}

TEST_CASE("config: type errors name the key", "[harness][options]") {
    CHECK_THROWS_WITH(parse_config("[1]", "f.json"), Catch::Contains("expected a JSON object"));
    CHECK_THROWS_WITH(parse_config("{\"timeout\": \"x\"}", "f.json"), Catch::Contains("\"timeout\""));
    CHECK_THROWS_WITH(parse_config("{\"include\": [1]}", "f.json"), Catch::Contains("\"include\""));
    CHECK_THROWS_WITH(parse_config("{", "f.json"), Catch::Contains("not valid JSON"));
    CHECK(parse_config("{\"include\": \"one\"}", "f.json").include == std::vector<std::string>{"one"});
}

TEST_CASE("options: --book DIR and --explain CASE", "[harness][options][book]") {
    auto none = parse({});
    REQUIRE(none.options);
    CHECK_FALSE(none.options->book);
    CHECK(none.options->explain.empty());
    auto book = parse({"--book", "build/book"}, "/root");
    REQUIRE(book.options);
    CHECK(book.options->book == std::filesystem::path("/root/build/book"));
    auto explain = parse({"--explain", "send/rc-argument"});
    REQUIRE(explain.options);
    CHECK(explain.options->explain == "send/rc-argument");
    CHECK(parse({"--help"}).out.find("--book DIR") != std::string::npos);
}

TEST_CASE("options: --root and the config's \"root\" set the root, command-line paths stay where typed",
          "[harness][options]") {
    fixtures::TempDir dir("fearless-check-root-test");
    std::filesystem::create_directories(dir.path / "here");
    std::filesystem::create_directories(dir.path / "proj" / "sub");
    const auto proj = std::filesystem::canonical(dir.path / "proj");

    auto given = parse({"--root", "../proj", "--cases", "c", "-I", "/abs/inc", "x.cpp"}, dir.path / "here");
    REQUIRE(given.options);
    CHECK(given.options->root == proj);
    CHECK(given.options->root_moved);
    CHECK(given.options->cases_dir == dir.path / "here" / "c");
    CHECK(given.options->includes == std::vector<std::string>{"/abs/inc"});
    CHECK(given.options->paths == std::vector<std::string>{(dir.path / "here" / "x.cpp").string()});

    // The file's "root" is relative to the file's folder; its other paths to the root.
    write_file(dir.path / "here" / "fearless-check.json", R"({"root": "../proj/sub", "cases": "tests/cases"})");
    auto from_file = parse({}, dir.path / "here");
    REQUIRE(from_file.options);
    CHECK(from_file.options->root == proj / "sub");
    CHECK(from_file.options->cases_dir == "tests/cases");

    auto missing = parse({"--root", "no/such/dir"}, dir.path / "here");
    CHECK_FALSE(missing.options);
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::Contains("the root 'no/such/dir' is not a folder"));

    // Without either, the root is the working directory and nothing is moved.
    auto plain = parse({}, proj);
    REQUIRE(plain.options);
    CHECK(plain.options->root == proj);
    CHECK_FALSE(plain.options->root_moved);
}

TEST_CASE("options: --flag adds to the config's flags, --bless-hint, --list-tsv, --rerun-failed",
          "[harness][options]") {
    fixtures::TempDir dir("fearless-check-flag-test");
    write_file(dir.path / "fearless-check.json", R"({"flags": ["-DFROM_FILE"]})");
    auto p =
        parse({"--flag=-DX", "--flag", "-O1", "--bless-hint", "make bless", "--list-tsv", "--rerun-failed"}, dir.path);
    REQUIRE(p.options);
    CHECK(p.options->flags == std::vector<std::string>{"-DFROM_FILE", "-DX", "-O1"});
    CHECK(p.options->bless_hint == "make bless");
    CHECK(p.options->list_tsv);
    CHECK(p.options->rerun_failed);
    auto no_cache = parse({"--rerun-failed", "--no-cache"}, dir.path);
    CHECK_FALSE(no_cache.options);
    CHECK(no_cache.exit_code == 2);
    CHECK_THAT(no_cache.err, Catch::Contains("--rerun-failed needs the cache folder"));
}
