#include "verdict/diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fearless::check {

namespace {

struct Edit {
    char op;  // ' ', '-', '+'
    std::string line;
};

// Longest common subsequence; snapshots are small, and huge inputs fall back
// to "remove all, add all" rather than use quadratic memory.
std::vector<Edit> edits(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<Edit> out;
    std::size_t n = a.size(), m = b.size();
    if (n * m > 4'000'000) {
        for (const auto& l : a) out.push_back({'-', l});
        for (const auto& l : b) out.push_back({'+', l});
        return out;
    }
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            out.push_back({' ', a[i++]});
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            out.push_back({'-', a[i++]});  // deletions first, as diff(1) prints them
        } else {
            out.push_back({'+', b[j++]});
        }
    }
    return out;
}

}  // namespace

std::string unified_diff(const std::string& expected, const std::string& actual, const std::string& from,
                         const std::string& to, int context) {
    if (expected == actual) return {};
    auto a = split_lines(expected), b = split_lines(actual);
    auto es = edits(a, b);
    std::string out = fmt::format("--- {}\n+++ {}\n", from, to);
    if (es.empty() || std::all_of(es.begin(), es.end(), [](const Edit& e) { return e.op == ' '; })) {
        // Same lines, different bytes: a missing final newline or \r.
        return out + "@@ the texts differ only in line endings or a final newline @@\n";
    }
    const auto total = static_cast<int>(es.size());
    int k = 0;
    while (k < total) {
        if (es[k].op == ' ') {
            ++k;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` after the last change near it.
        int start = std::max(0, k - context), end = k;
        while (end < total && es[end].op != ' ') ++end;
        while (true) {
            int next = end;
            while (next < total && es[next].op == ' ') ++next;
            if (next >= total || next - end > 2 * context) break;
            end = next;
            while (end < total && es[end].op != ' ') ++end;
        }
        end = std::min(total, end + context);
        int a_line = 1, b_line = 1;
        for (int x = 0; x < start; ++x) {
            if (es[x].op != '+') ++a_line;
            if (es[x].op != '-') ++b_line;
        }
        int a_count = 0, b_count = 0;
        for (int x = start; x < end; ++x) {
            if (es[x].op != '+') ++a_count;
            if (es[x].op != '-') ++b_count;
        }
        out += fmt::format("@@ -{},{} +{},{} @@\n", a_count ? a_line : a_line - 1, a_count,
                           b_count ? b_line : b_line - 1, b_count);
        for (int x = start; x < end; ++x) out += fmt::format("{}{}\n", es[x].op, es[x].line);
        k = end;
    }
    return out;
}

}  // namespace fearless::check
