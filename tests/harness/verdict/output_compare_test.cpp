#include <catch2/catch.hpp>

#include "verdict/output_compare.hpp"

using namespace fearless::check;

TEST_CASE("stdout: exact", "[harness][stdout]") {
    CHECK_FALSE(compare_stdout(StdoutMode::exact, "a\nb\n", "a\nb\n"));
    CHECK(compare_stdout(StdoutMode::exact, "a\nb\n", "b\na\n"));
    CHECK(compare_stdout(StdoutMode::exact, "a\n", "a"));
    CHECK(bless_stdout(StdoutMode::exact, "x\ny") == "x\ny");
}

TEST_CASE("stdout: sorted lines, for threads that interleave", "[harness][stdout]") {
    CHECK_FALSE(compare_stdout(StdoutMode::sorted, "a\nb\nc\n", "c\na\nb\n"));
    CHECK(compare_stdout(StdoutMode::sorted, "a\nb\n", "a\na\n"));
    CHECK(bless_stdout(StdoutMode::sorted, "t2\nt1\n") == "t1\nt2\n");
}

TEST_CASE("stdout: regex per line", "[harness][stdout]") {
    CHECK_FALSE(compare_stdout(StdoutMode::regex, "took \\d+ ms\ndone\n", "took 12 ms\ndone\n"));
    auto bad = compare_stdout(StdoutMode::regex, "took \\d+ ms\n", "took many ms\n");
    REQUIRE(bad);
    CHECK(*bad == "line 1 \"took many ms\" does not match /took \\d+ ms/");
    CHECK(compare_stdout(StdoutMode::regex, "a\n", "a\nb\n"));
    CHECK(compare_stdout(StdoutMode::regex, "(\n", "x\n")->find("not a valid regex") != std::string::npos);
    // Blessing escapes, so the blessed file matches the output it came from.
    auto blessed = bless_stdout(StdoutMode::regex, "a.b (c) [d] 1+1=2 $x\n");
    CHECK_FALSE(compare_stdout(StdoutMode::regex, blessed, "a.b (c) [d] 1+1=2 $x\n"));
    CHECK(compare_stdout(StdoutMode::regex, blessed, "aXb (c) [d] 1+1=2 $x\n"));
}
