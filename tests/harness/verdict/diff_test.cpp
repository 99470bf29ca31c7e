#include <catch2/catch.hpp>

#include "verdict/diff.hpp"

using namespace fearless::check;

TEST_CASE("diff: equal texts give nothing", "[harness][diff]") {
    CHECK(unified_diff("a\nb\n", "a\nb\n", "x", "y").empty());
}

TEST_CASE("diff: one changed line with context", "[harness][diff]") {
    std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n", b = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
    CHECK(unified_diff(a, b, "expected/x.stderr", "actual") ==
          "--- expected/x.stderr\n+++ actual\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n");
}

TEST_CASE("diff: deletions before insertions, far changes in separate hunks", "[harness][diff]") {
    std::string a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n", b = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nK\n";
    auto d = unified_diff(a, b, "x", "y");
    CHECK(d == "--- x\n+++ y\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n d\n@@ -8,4 +8,4 @@\n h\n i\n j\n-k\n+K\n");
}

TEST_CASE("diff: additions to an empty text, and line-ending-only differences", "[harness][diff]") {
    CHECK(unified_diff("", "new\n", "x", "y") == "--- x\n+++ y\n@@ -0,0 +1,1 @@\n+new\n");
    CHECK(unified_diff("a\n", "a", "x", "y").find("only in line endings") != std::string::npos);
}
