// Issue 5 end to end, with the built tool: a warm run starts no compiler,
// editing a header re-runs exactly the cases that include it, a broken case
// is caught by its control compile, and the PCH changes no diagnostic.
#include <catch2/catch.hpp>

#include <map>

#include <unistd.h>

#include "fixtures.hpp"
#include "integration/tool.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::count_of;
using fixtures::files_under;
using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;

const std::filesystem::path tool = FEARLESS_CHECK_EXE;
const std::filesystem::path project = FEARLESS_PROJECT_ROOT;

using integration::run_tool;

// A g++ that counts its invocations (one line per start in `log`).
std::filesystem::path counting_compiler(const std::filesystem::path& dir, const std::filesystem::path& log) {
    auto script = dir / "counting-g++";
    write_file(script, "#!/bin/sh\necho \"$*\" >> '" + log.string() + "'\nexec g++ \"$@\"\n");
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    return script;
}

std::size_t starts(const std::filesystem::path& log) {
    auto text = read_file(log);
    return text ? static_cast<std::size_t>(std::count(text->begin(), text->end(), '\n')) : 0;
}

}  // namespace

TEST_CASE("integration: a warm run starts no compiler, a header edit re-runs exactly its includers",
          "[harness][integration][cache]") {
    TempDir dir("fearless-check-cache-integration");
    auto suite = dir.path / "good";
    std::filesystem::copy(fixtures::dir() / "suites" / "good", suite, std::filesystem::copy_options::recursive);
    // A header only one case includes.
    write_file(suite / "include" / "extra" / "extra.hpp", "#pragma once\ninline int extra() { return 1; }\n");
    write_file(
        suite / "cases" / "misc" / "uses_extra.cpp",
        "//@ compile-pass\n#include <mini/mini.hpp>\n#include <extra/extra.hpp>\nint main() { return extra(); }\n");
    auto log = dir.path / "starts.log";
    auto cxx = counting_compiler(dir.path, log);
    const std::vector<std::string> args = {"--compiler", cxx.string(), "--cache-dir", (dir.path / "cache").string(),
                                           "-j2"};

    auto cold = run_tool(suite, args, std::nullopt);
    INFO(cold.out << cold.err);
    CHECK(cold.exit_code == 0);
    CHECK(last_line(cold.out) == "12 passed, 0 failed, 1 skipped");
    const auto cold_starts = starts(log);
    CHECK(cold_starts > 10);
    CHECK(!std::filesystem::is_empty(dir.path / "cache" / "pch"));  // the PCH was built in the cache

    auto warm = run_tool(suite, args, std::nullopt);
    INFO(warm.out << warm.err);
    CHECK(warm.out == cold.out);
    CHECK(starts(log) == cold_starts);  // not even --version

    write_file(suite / "include" / "extra" / "extra.hpp", "#pragma once\ninline int extra() { return 0; }\n");
    auto edited = run_tool(suite, args, std::nullopt);
    INFO(edited.out << edited.err);
    CHECK(edited.out == cold.out);
    CHECK(starts(log) == cold_starts + 1);  // uses_extra.cpp, one -fsyntax-only

    auto bypass =
        run_tool(suite, {"--compiler", cxx.string(), "--cache-dir", (dir.path / "cache").string(), "--no-cache"}, std::nullopt);
    CHECK(bypass.out == cold.out);
    CHECK(starts(log) > cold_starts + 10);  // --no-cache runs everything
}

TEST_CASE("integration: a case whose error is not on its annotated line fails its control compile",
          "[harness][integration][control]") {
    TempDir dir("fearless-check-control-integration");
    auto suite = fixtures::dir() / "suites" / "control";
    auto r =
        run_tool(suite, {"--compiler", "g++", "--compiler", "clang++", "--cache-dir", (dir.path / "cache").string()}, std::nullopt);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    const std::string why =
        "broken case: control compile failed: the error does not come from the annotated line\\(s\\)";
    CHECK(has_line(r.out, R"(FAIL  cases/uses_copy.cpp  \[gcc-\d+\]  )" + why));
    // One control compile per case, in the first compiler's job; clang's job judges only the error.
    CHECK(has_line(r.out, R"(FAIL  cases/uses_copy.cpp  \[clang-\d+\]  missing expected/uses_copy.stderr)"));
    CHECK(count_of(r.out, "control compile failed") == 1);
    CHECK(has_line(r.out, R"(    with line\(s\) 6 blanked, the case should compile, but the compiler says:)"));
    CHECK(has_line(r.out, R"(      cases/uses_copy.cpp:7:11: error: 'b' was not declared in this scope)"));
    CHECK(has_line(r.out, R"(PASS  cases/multi_line.cpp  \[gcc-\d+\])"));
    CHECK(last_line(r.out) == "2 passed, 2 failed");
    // Cached like the rest: the same verdict again.
    auto again =
        run_tool(suite, {"--compiler", "g++", "--compiler", "clang++", "--cache-dir", (dir.path / "cache").string()}, std::nullopt);
    CHECK(again.out == r.out);
}

// Blesses into two fresh folders, with and without the PCH: byte for byte the same.
TEST_CASE("integration: diagnostics are identical with and without the PCH", "[harness][integration][pch]") {
    TempDir dir("fearless-check-pch-equivalence");
    auto both_ways = [&](const std::filesystem::path& root, std::vector<std::string> args) {
        args.insert(args.begin(),
                    {"--compiler", "g++", "--compiler", "clang++", "--compiler", "clang++-22", "-j2", "--bless"});
        auto name = root.filename().string();
        auto with = args, without = args;
        with.insert(with.end(), {"--expected", (dir.path / name / "with").string(), "--cache-dir",
                                 (dir.path / name / "cache").string()});
        without.insert(without.end(),
                       {"--expected", (dir.path / name / "without").string(), "--pch", "none", "--no-cache"});
        auto a = run_tool(root, with, std::nullopt);
        auto b = run_tool(root, without, std::nullopt);
        INFO(a.out << a.err << b.out << b.err);
        CHECK(a.outcome == Outcome::exited);
        CHECK(b.outcome == Outcome::exited);
        CHECK(!std::filesystem::is_empty(dir.path / name / "cache" / "pch"));
        auto expected_with = files_under(dir.path / name / "with");
        CHECK(expected_with.size() > 1);
        CHECK(expected_with == files_under(dir.path / name / "without"));
    };
    SECTION("the fixture suites") {
        both_ways(fixtures::dir() / "suites" / "good", {});
        both_ways(fixtures::dir() / "suites" / "control", {});
        both_ways(fixtures::dir() / "suites" / "outside", {});  // two PCHs: one per shared leading include
    }
    SECTION("a sample of the project's cases") {
        // Cases that pass their control compile (a broken case is not blessed, so not compared).
        both_ways(project, {"cases/shared-state/copy-arc.cpp", "cases/send/arc-of-cell-fixed.cpp",
                            "cases/scoped/shared-cell.cpp", "cases/dangling/range-for-over-guard.cpp",
                            "cases/use-after-send/arc-after-move.cpp", "cases/listings/16-14-rc-across-threads.cpp",
                            "cases/channels/copy-receiver.cpp", "cases/shared-state/deref-without-lock.cpp"});
    }
}
