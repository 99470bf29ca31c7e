// Hostile run cases: each ends within its limits and is reported as what it
// did, not only as a timeout or a crash.
#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

#include "fixtures.hpp"
#include "run/process/process.hpp"
#include "util/file.hpp"

using namespace fearless::check;

namespace {

using fixtures::has_line;
using fixtures::last_line;
using fixtures::TempDir;

const std::filesystem::path tool = FEARLESS_CHECK_EXE;

bool running(pid_t pid) {
    auto stat = read_file("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) return false;
    auto close = stat->rfind(')');
    return close != std::string::npos && close + 2 < stat->size() && (*stat)[close + 2] != 'Z';
}

}  // namespace

TEST_CASE("limits: memory, file size, output flood, an escaped grandchild, a closed stdout",
          "[harness][integration][limits]") {
    TempDir dir("fearless-check-limits");
    auto suite = dir.path / "suite";
    auto marker = dir.path / "escaped.pid";
    write_file(suite / "cases" / "memory.cpp",
               "//@ run-pass\n//@ limits: memory=256M\n#include <vector>\n"
               "int main() { std::vector<char*> v; for (;;) v.push_back(new char[1 << 20]); }\n");
    write_file(suite / "cases" / "file.cpp",
               "//@ run-pass\n//@ limits: file=1M\n#include <cstdio>\n"
               "int main() { FILE* f = std::fopen(\"big\", \"w\"); for (;;) std::fputc('x', f); }\n");
    write_file(suite / "cases" / "flood.cpp",
               "//@ run-pass\n//@ limits: output=64K\n#include <cstdio>\n"
               "int main() { for (;;) std::fputs(\"flood\\n\", stdout); }\n");
    write_file(suite / "cases" / "escape.cpp",
               "//@ run-pass\n#include <cstdio>\n#include <unistd.h>\nint main() {\n"
               "    if (fork() == 0) {\n        setsid();\n"
               "        FILE* f = std::fopen(\"" + marker.string() + "\", \"w\");\n"
               "        std::fprintf(f, \"%d\\n\", (int)getpid());\n        std::fclose(f);\n"
               "        sleep(300);\n        return 0;\n    }\n    sleep(1);\n    return 0;\n}\n");
    write_file(suite / "cases" / "closed.cpp",
               "//@ run-pass\n//@ timeout: 2\n#include <unistd.h>\n"
               "int main() { close(1); sleep(300); }\n");
    Limits limits;
    limits.timeout = std::chrono::minutes(5);
    const auto t0 = std::chrono::steady_clock::now();
    auto r = run_process(Command{{tool.string(), "--compiler", "g++", "--no-cache", "-j", "2", "--timeout", "30"},
                                 suite, {{"NO_COLOR", "1"}}, {}},
                         limits);
    const auto took = std::chrono::steady_clock::now() - t0;
    INFO(r.out << r.err);
    REQUIRE(r.outcome == Outcome::exited);
    CHECK(r.exit_code == 1);
    const std::string g = R"(  \[gcc-\d+\]  )";
    CHECK(has_line(r.out, "FAIL  cases/memory.cpp" + g + R"(exceeded the memory limit \(256 MiB\): killed by SIGABRT)"));
    CHECK(has_line(r.out, "FAIL  cases/file.cpp" + g + R"(wrote past the file-size limit \(1 MiB\), killed by SIGXFSZ)"));
    CHECK(has_line(r.out, "FAIL  cases/flood.cpp" + g + R"(output cut at the cap \(64 KiB\), killed: .*)"));
    CHECK(has_line(r.out, "FAIL  cases/escape.cpp" + g + R"(left a process behind, killed \(1 process outside .*)"));
    CHECK(has_line(r.out, "FAIL  cases/closed.cpp" + g +
                              R"(timed out after 2 s \(deadlock or endless loop\? it had closed its stdout\), killed)"));
    CHECK(last_line(r.out) == "0 passed, 5 failed");
    CHECK(took < std::chrono::seconds(90));  // nothing waited for the 30 s timeout but the closed stdout (2 s)
    auto escaped = read_file(marker);
    REQUIRE(escaped);
    const pid_t pid = std::stoi(*escaped);
    for (int i = 0; i < 50 && running(pid); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_FALSE(running(pid));
}
