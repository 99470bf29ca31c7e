// --bless for one case: each compiler that passed is blessed, the others are named.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "fixtures.hpp"
#include "util/file.hpp"
#include "verdict/bless.hpp"

using namespace fearless::check;

namespace {
Compiler compiler(Family f, int major, std::string label) {
    Compiler c;
    c.family = f;
    c.major = major;
    c.label = std::move(label);
    c.command = f == Family::gcc ? "g++" : "clang++";
    return c;
}
Verdict passed(std::string snapshot) {
    Verdict v;
    v.status = Status::pass;
    v.reason = "blessed";
    v.actual_stderr = std::move(snapshot);
    return v;
}
Verdict failed(std::string reason, std::string snapshot) {
    Verdict v;
    v.status = Status::fail;
    v.reason = std::move(reason);
    v.actual_stderr = std::move(snapshot);
    return v;
}
bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}
}  // namespace

TEST_CASE("bless: the compilers that passed are blessed, a failing one is named with its reason",
          "[harness][bless]") {
    fixtures::TempDir dir("fearless-check-bless-test");
    const auto expected = dir.path / "expected";
    const auto gcc = compiler(Family::gcc, 12, "gcc-12"), clang = compiler(Family::clang, 19, "clang-19");
    Case c;
    c.id = "t/x";
    c.display = "cases/t/x.cpp";
    c.mode = Mode::compile_fail;
    const auto ok = passed("error: boom\n");
    const auto bad = failed("line 3: expected an error containing \"boom\", found none on that line", "error: other\n");

    auto lines = bless_case(c, {{&gcc, &ok}, {&clang, &bad}}, expected, dir.path);
    INFO(fmt::format("{}", fmt::join(lines, "\n")));
    // What gcc said, in the least specific file (as if gcc alone had run).
    CHECK(read_file(expected / "t" / "x.stderr") == std::optional<std::string>("error: boom\n"));
    CHECK(has(lines, "blessed expected/t/x.stderr"));
    CHECK(has(lines, "bless: cases/t/x.cpp [clang-19]: not blessed, it failed: line 3: expected an error containing "
                     "\"boom\", found none on that line"));
    CHECK_FALSE(std::filesystem::exists(expected / "t" / "x.clang.stderr"));

    // Nothing passed: nothing written, every compiler named.
    std::filesystem::remove_all(expected);
    lines = bless_case(c, {{&gcc, &bad}, {&clang, &bad}}, expected, dir.path);
    CHECK_FALSE(std::filesystem::exists(expected));
    CHECK(lines.size() == 2);
    CHECK(has(lines, "bless: cases/t/x.cpp [gcc-12]: not blessed, it failed: line 3: expected an error containing "
                     "\"boom\", found none on that line"));
}
