#include <catch2/catch.hpp>

#include <algorithm>

#include "run/commands.hpp"
#include "run/compiler.hpp"
#include "run/plan.hpp"
#include "run/runner.hpp"

using namespace fearless::check;

TEST_CASE("compiler: family and major version from --version", "[harness][compiler]") {
    using P = std::pair<Family, int>;
    CHECK(parse_version_output("g++ (Debian 12.2.0-14+deb12u1) 12.2.0\nCopyright ...") == P{Family::gcc, 12});
    CHECK(parse_version_output("g++-13 (GCC) 13.1.0\n") == P{Family::gcc, 13});
    CHECK(parse_version_output("Debian clang version 14.0.6\nTarget: x86_64") == P{Family::clang, 14});
    CHECK(parse_version_output("Debian clang version 19.1.7 (3~deb12u1)\n") == P{Family::clang, 19});
    CHECK(parse_version_output("Ubuntu clang version 22.1.8 (1~deb12u1)\n") == P{Family::clang, 22});
    CHECK_FALSE(parse_version_output("Microsoft (R) C/C++ Optimizing Compiler"));
}

TEST_CASE("compiler: only: requirements", "[harness][compiler]") {
    Compiler clang19{"clang++-19", Family::clang, 19, "clang-19", {}, {}};
    Compiler gcc12{"g++", Family::gcc, 12, "gcc-12", {}, {}};
    auto req = [](std::string s) { return std::vector<CompilerReq>{*parse_compiler_req(s)}; };
    CHECK(satisfies(clang19, {}));
    CHECK(satisfies(clang19, req("clang")));
    CHECK(satisfies(clang19, req("clang>=19")));
    CHECK_FALSE(satisfies(clang19, req("clang>19")));
    CHECK_FALSE(satisfies(clang19, req("clang<19")));
    CHECK(satisfies(clang19, req("clang<=19")));
    CHECK_FALSE(satisfies(gcc12, req("clang")));
    CHECK(satisfies(gcc12, {*parse_compiler_req("clang"), *parse_compiler_req("gcc==12")}));
}

TEST_CASE("compiler: duplicate labels get the command", "[harness][compiler]") {
    std::vector<Compiler> cs = {{"clang++", Family::clang, 14, "clang-14", {}, {}},
                                {"clang++-14", Family::clang, 14, "clang-14", {}, {}}};
    disambiguate_labels(cs);
    CHECK(cs[0].label == "clang-14 (clang++)");
    CHECK(cs[1].label == "clang-14 (clang++-14)");
}

TEST_CASE("compiler: a missing compiler is a problem, not a crash", "[harness][compiler]") {
    auto c = identify_compiler("no-such-compiler++-99", run_version_step);
    CHECK(c.problem == "compiler 'no-such-compiler++-99' not found");
}

TEST_CASE("plan: cases × compilers, only: misses are skips, malformed cases are not jobs", "[harness][plan]") {
    Case a, b, bad;
    a.mode = b.mode = Mode::compile_pass;
    b.only = {*parse_compiler_req("clang")};
    bad.problems = {"x.cpp:1: no mode"};
    std::vector<Compiler> cs = {{"g++", Family::gcc, 12, "gcc-12", {}, {}},
                                {"clang++", Family::clang, 14, "clang-14", {}, {}}};
    auto jobs = plan_jobs({a, b, bad}, cs);
    REQUIRE(jobs.size() == 4);
    CHECK(jobs[2].case_index == 1);
    CHECK(jobs[2].skip_reason == "only: clang");
    CHECK(jobs[3].skip_reason.empty());
}

TEST_CASE("plan: one control compile per compile-fail case, on the first compiler that runs it",
          "[harness][plan][control]") {
    Case fail, clang_only, pass;
    fail.mode = clang_only.mode = Mode::compile_fail;
    clang_only.only = {*parse_compiler_req("clang")};
    pass.mode = Mode::compile_pass;
    std::vector<Compiler> cs = {{"g++", Family::gcc, 12, "gcc-12", {}, {}},
                                {"clang++", Family::clang, 14, "clang-14", {}, {}},
                                {"clang++-19", Family::clang, 19, "clang-19", {}, {}}};
    auto jobs = plan_jobs({fail, clang_only, pass}, cs);
    REQUIRE(jobs.size() == 9);
    std::vector<bool> control;
    for (const auto& j : jobs) control.push_back(j.control);
    CHECK(control == std::vector<bool>{true, false, false, false, true, false, false, false, false});

    cs[0].problem = "compiler 'g++' not found";  // a broken compiler's job fails; the control moves on
    jobs = plan_jobs({fail}, cs);
    CHECK_FALSE(jobs[0].control);
    CHECK(jobs[1].control);
}

TEST_CASE("commands: a PCH is built with the case flags, Clang's with the header's templates instantiated",
          "[harness][commands][pch]") {
    Compiler gcc{"g++", Family::gcc, 12, "gcc-12", {}, {}}, clang{"clang++", Family::clang, 14, "clang-14", {}, {}};
    const std::vector<std::string> flags = {"-std=c++20", "-pthread", "-Iinclude"};
    auto g = pch_command(gcc, flags, "/c/pch.hpp", "/c/pch.hpp.gch", "/c/d.d", "/proj");
    CHECK(g.argv == std::vector<std::string>{"g++", "-std=c++20", "-pthread", "-fno-diagnostics-color", "-Iinclude",
                                             "-MD", "-MF", "/c/d.d", "-x", "c++-header", "/c/pch.hpp", "-o",
                                             "/c/pch.hpp.gch"});
    auto k = pch_command(clang, flags, "/c/pch.hpp", "/c/pch.pch", "/c/d.d", "/proj");
    CHECK(std::count(k.argv.begin(), k.argv.end(), "-fpch-instantiate-templates") == 1);
    CHECK(k.cwd == "/proj");
}

TEST_CASE("commands: the flags compilers get, and the ones they never get", "[harness][commands]") {
    Case c;
    c.file = "cases/t/x.cpp";
    c.flags = {"-DCASE"};
    RunSettings s;
    s.root = "/proj";
    s.includes = {"include"};
    s.flags = {"-DCONFIG"};
    Compiler gcc{"g++", Family::gcc, 12, "gcc-12", {}, {}}, clang{"clang++", Family::clang, 14, "clang-14", {}, {}};
    auto g = compile_command(gcc, c, s, std::nullopt);
    CHECK(g.argv == std::vector<std::string>{"g++", "-std=c++20", "-pthread", "-fno-diagnostics-color", "-Iinclude",
                                             "-DCONFIG", "-DCASE", "-fsyntax-only", "cases/t/x.cpp"});
    CHECK(g.cwd == "/proj");
    CHECK(g.env.at("LC_ALL") == "C");
    auto k = compile_command(clang, c, s, std::filesystem::path("/tmp/d/case"));
    CHECK(std::count(k.argv.begin(), k.argv.end(), "-fno-color-diagnostics") == 1);
    CHECK(std::count(k.argv.begin(), k.argv.end(), "-fsyntax-only") == 0);
    CHECK(std::find(k.argv.begin(), k.argv.end(), "/tmp/d/case") != k.argv.end());
    for (const auto& cmd : {g, k})
        for (const char* hidden :
             {"-fno-diagnostics-show-caret", "-fdiagnostics-plain-output", "-fno-caret-diagnostics"})
            CHECK(std::find(cmd.argv.begin(), cmd.argv.end(), hidden) == cmd.argv.end());
    auto t = tidy_command(Checker{"clang-tidy", {"bugprone-use-after-move"}}, c, s);
    CHECK(t.argv[1] == "--checks=-*,bugprone-use-after-move");
    CHECK(
        shell_line(g) ==
        "cd /proj && LC_ALL=C g++ -std=c++20 -pthread -fno-diagnostics-color -Iinclude -DCONFIG -DCASE -fsyntax-only cases/t/x.cpp");
}

TEST_CASE("commands: -std= is the case's, else the run's (c++20 by default)", "[harness][commands]") {
    Case c;
    c.file = "cases/t/x.cpp";
    RunSettings s;
    Compiler gcc{"g++", Family::gcc, 12, "gcc-12", {}, {}};
    CHECK(compile_command(gcc, c, s, std::nullopt).argv[1] == "-std=c++20");
    s.std_version = "c++23";
    CHECK(compile_flags(c, s).front() == "-std=c++23");
    c.std_version = "c++17";
    CHECK(compile_flags(c, s).front() == "-std=c++17");
    CHECK(compile_command(gcc, c, s, std::nullopt).argv[1] == "-std=c++17");
}

TEST_CASE("commands: the dependency list alone, for a compile that wrote none", "[harness][commands]") {
    Case c;
    c.file = "cases/t/x.cpp";
    c.flags = {"-Wfatal-errors"};
    RunSettings s;
    s.root = "/proj";
    s.includes = {"include"};
    Compiler gcc{"g++", Family::gcc, 12, "gcc-12", {}, {}};
    auto d = depfile_command(gcc, c, s, "/tmp/j/case.d");
    CHECK(d.argv == std::vector<std::string>{"g++", "-std=c++20", "-pthread", "-Iinclude", "-Wfatal-errors", "-M",
                                             "-MF", "/tmp/j/case.d", "cases/t/x.cpp"});
    CHECK(d.cwd == "/proj");
    CHECK(d.env.at("LC_ALL") == "C");
}

TEST_CASE("commands: program limits", "[harness][commands]") {
    Case c;
    RunSettings s;
    s.timeout = std::chrono::seconds(60);
    CHECK(program_limits(c, s).timeout == std::chrono::seconds(60));
    c.timeout_s = 2;
    auto l = program_limits(c, s);
    CHECK(l.timeout == std::chrono::seconds(2));
    CHECK(l.cpu_seconds == 3ul);
    CHECK(l.address_space.has_value());
    CHECK(l.file_size.has_value());
}
