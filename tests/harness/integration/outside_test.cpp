// What a real outside suite showed, end to end on fixtures/suites/outside:
// follow-on errors inside one instantiation, `//@ std:`, a -Wfatal-errors job
// in the cache, --bless when one compiler fails, and the run after a bless;
// per-compiler annotations and a PCH per shared leading include.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "fixtures.hpp"
#include "integration/tool.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;


using integration::run_tool;

// A compiler wrapper that logs each start into `log` (one line per start).
std::filesystem::path counting(const std::filesystem::path& dir, const std::string& cxx,
                               const std::filesystem::path& log) {
    auto script = dir / ("counting-" + cxx);
    write_file(script, "#!/bin/sh\necho \"$*\" >> '" + log.string() + "'\nexec " + cxx + " \"$@\"\n");
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    return script;
}

std::size_t starts(const std::filesystem::path& log) {
    auto text = read_file(log);
    return text ? static_cast<std::size_t>(std::count(text->begin(), text->end(), '\n')) : 0;
}

}  // namespace

TEST_CASE("integration: the outside suite passes on every compiler", "[harness][integration][outside]") {
    TempDir dir("fearless-check-outside");
    auto r = run_tool(fixtures::dir() / "suites" / "outside",
                      {"--compiler", "g++", "--compiler", "clang++", "--compiler", "clang++-22", "-j2", "--cache-dir",
                       (dir.path / "cache").string()}, std::nullopt);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    // The second static_assert of one instantiation comes without a chain: it
    // still lands on the case line, not "outside the case".
    CHECK(has_line(r.out, R"(PASS  cases/follow_on.cpp  \[gcc-\d+\])"));
    CHECK(has_line(r.out, R"(PASS  cases/follow_on.cpp  \[clang-22\])"));
    CHECK(r.out.find("outside the case") == std::string::npos);
    // `//@ std: c++17`: char8_t is an identifier there.
    CHECK(has_line(r.out, R"(PASS  cases/cpp17.cpp  \[clang-\d+\])"));
    // One annotation per family where their wording shares no phrase.
    CHECK(has_line(r.out, R"(PASS  cases/wording.cpp  \[gcc-\d+\])"));
    CHECK(has_line(r.out, R"(PASS  cases/wording.cpp  \[clang-\d+\])"));
    // An error with no case line, expected by //~?; the report says the case uses it.
    CHECK(has_line(r.out, R"(PASS  cases/anywhere.cpp  \[gcc-\d+\]  uses //~\? \(an error matched anywhere, no control compile\))"));
    CHECK(last_line(r.out) == "18 passed, 0 failed");
    // A PCH for each leading include that two cases share, not only the most common one.
    std::set<std::string> stubs;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path / "cache" / "pch"))
        if (e.path().filename() == "pch.hpp") stubs.insert(*read_file(e.path()));
    CHECK(stubs == std::set<std::string>{"#include <lib/follow_on.hpp>\n", "#include <lib/words.hpp>\n"});
}

TEST_CASE("integration: --bless blesses the compilers that passed, and the next run compiles nothing",
          "[harness][integration][outside][bless]") {
    TempDir dir("fearless-check-outside-bless");
    auto suite = dir.path / "outside";
    std::filesystem::copy(fixtures::dir() / "suites" / "outside", suite, std::filesystem::copy_options::recursive);
    std::filesystem::remove_all(suite / "expected");
    // GCC's wording only: passes on GCC, fails on Clang.
    write_file(suite / "cases" / "gcc_wording.cpp",
               "//@ compile-fail\nint main() {\n    return nope;  //~ ERROR was not declared in this scope\n}\n");
    auto log = dir.path / "starts.log";
    const auto gxx = counting(dir.path, "g++", log), clang = counting(dir.path, "clang++", log);
    const std::vector<std::string> args = {"--compiler", gxx.string(),  "--compiler", clang.string(),
                                           "--cache-dir", (dir.path / "cache").string(), "-j2"};

    auto first = run_tool(suite, args, std::nullopt);
    INFO(first.out << first.err);
    // The accept hint repeats the run's --compiler options; the would-be file is under the cache folder.
    CHECK(has_line(first.out, "    accept it with: .*fearless-check --compiler " + std::regex_replace(gxx.string(), std::regex(R"([+.])"), R"(\$&)") +
                                  " --compiler .*counting-clang\\+\\+ --bless cases/follow_on.cpp"));
    std::smatch m;
    REQUIRE(std::regex_search(first.out, m, std::regex("the would-be file: (\\S*follow_on.stderr)")));
    CHECK(m[1].str() == (dir.path / "cache" / "would-be" / "follow_on.stderr").string());
    CHECK(read_file(m[1].str()));

    auto bless_args = args;
    bless_args.push_back("--bless");
    auto bless = run_tool(suite, bless_args, std::nullopt);
    INFO(bless.out << bless.err);
    CHECK(bless.exit_code == 1);  // clang fails gcc_wording.cpp
    CHECK(has_line(bless.out, R"(PASS  cases/gcc_wording.cpp  \[gcc-\d+\]  blessed)"));
    CHECK(has_line(bless.out, "blessed expected/gcc_wording.stderr"));
    CHECK(has_line(bless.out, R"(bless: cases/gcc_wording.cpp \[clang-\d+\]: not blessed, it failed: line 3: .*)"));
    CHECK(has_line(bless.out, "blessed expected/follow_on.stderr"));
    CHECK(read_file(suite / "expected" / "follow_on.stderr") ==
          read_file(fixtures::dir() / "suites" / "outside" / "expected" / "follow_on.stderr"));

    // The plain run after the bless reuses its results, the -Wfatal-errors job too.
    const auto after_bless = starts(log);
    auto plain = run_tool(suite, args, std::nullopt);
    INFO(plain.out << plain.err);
    CHECK(starts(log) == after_bless);
    CHECK(has_line(plain.out, R"(PASS  cases/gcc_wording.cpp  \[gcc-\d+\])"));
    CHECK(has_line(plain.out, R"(FAIL  cases/gcc_wording.cpp  \[clang-\d+\]  line 3: .*)"));
    CHECK(has_line(plain.out, R"(PASS  cases/fatal.cpp  \[gcc-\d+\])"));
    CHECK(last_line(plain.out) == "13 passed, 1 failed");
}
