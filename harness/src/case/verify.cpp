#include "case/verify.hpp"

#include <algorithm>
#include <boost/regex.hpp>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "case/case.hpp"
#include "util/text.hpp"

namespace fearless::check {

namespace {

// PREFIX-KIND[-re] or PREFIX-no-diagnostics for one of `prefixes`, then what follows the kind.
boost::regex directive_head(const std::vector<std::string>& prefixes) {
    std::string alternatives;
    for (const auto& p : prefixes) {
        if (!alternatives.empty()) alternatives += '|';
        for (char ch : p)
            alternatives +=
                std::isalnum(static_cast<unsigned char>(ch)) ? std::string(1, ch) : "\\" + std::string(1, ch);
    }
    return boost::regex(R"((?:^|[^A-Za-z0-9_-])()" + alternatives +
                        R"()-(error|warning|note|no-diagnostics)(-re)?(?=[@\s{]|$))");
}

std::optional<int> whole_number(std::string_view s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

std::string regex_escape(std::string_view s) {
    std::string out;
    for (char ch : s) {
        if (std::string_view(R"(\^$.|?*+()[]{}/)").find(ch) != std::string_view::npos) out += '\\';
        out += ch;
    }
    return out;
}

VerifyKind kind_of(const std::string& k) {
    return k == "error" ? VerifyKind::error : k == "warning" ? VerifyKind::warning : VerifyKind::note;
}

// The comment text of a line: what follows `//`, or lies inside `/* */` on it.
std::string_view comment_of(std::string_view line) {
    auto slash = line.find("//");
    auto block = line.find("/*");
    auto pos = std::min(slash, block);
    return pos == std::string_view::npos ? std::string_view() : line.substr(pos);
}

class DirectiveParser {
  public:
    DirectiveParser(VerifyAnnotations& out, int line_no, int line_count)
        : out_(out), line_(line_no), count_(line_count) {}

    // `rest` starts right after PREFIX-KIND[-re]; returns where parsing stopped.
    std::size_t expectation(VerifyExpectation e, std::string_view rest) {
        std::size_t i = 0;
        e.line = line_;
        e.written_on = line_;
        if (i < rest.size() && rest[i] == '@') {
            auto end = rest.find_first_of(" \t{", i);
            auto loc = rest.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
            if (!location(e, loc)) return rest.size();
            i = end == std::string_view::npos ? rest.size() : end;
        }
        while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
        auto brace = rest.find("{{", i);
        if (brace == std::string_view::npos) return problem("expected {{text}} after the directive"), rest.size();
        if (auto count = trim(rest.substr(i, brace - i)); !count.empty() && !counts(e, count)) return rest.size();
        auto body_end = close_of(rest, brace + 2);
        if (body_end == std::string_view::npos) return problem("{{ without its closing }}"), rest.size();
        auto body = rest.substr(brace + 2, body_end - brace - 2);
        if (e.is_regex) {
            if (!regex_of(e, body)) return rest.size();
        } else {
            e.text = std::string(body);
        }
        if (e.text.empty() && !e.is_regex)
            return problem("empty {{}}: say what the diagnostic must contain"), rest.size();
        out_.expectations.push_back(std::move(e));
        return body_end + 2;
    }

  private:
    void problem(std::string what) { out_.problems.push_back(fmt::format("{}: {}", line_, what)); }

    bool location(VerifyExpectation& e, std::string_view loc) {
        if (loc == "*") {
            e.any_line = true;
            e.line = 0;
            return true;
        }
        if (!loc.empty() && (loc[0] == '+' || loc[0] == '-')) {
            auto n = whole_number(loc.substr(1));
            if (!n) return problem(fmt::format("@{}: expected @+N or @-N", loc)), false;
            e.line = line_ + (loc[0] == '+' ? *n : -*n);
        } else if (auto colon = loc.rfind(':'); colon != std::string_view::npos) {
            auto n = whole_number(loc.substr(colon + 1));
            if (!n || colon == 0) return problem(fmt::format("@{}: expected @file:N", loc)), false;
            e.file = std::string(loc.substr(0, colon));
            e.line = *n;
            return true;
        } else if (auto n = whole_number(loc)) {
            e.line = *n;
        } else {
            return problem(fmt::format("@{}: expected @+N, @-N, @N, @file:N or @*", loc)), false;
        }
        if (e.line < 1 || e.line > count_)
            return problem(fmt::format("@{} points to line {}, outside the file (1-{})", loc, e.line, count_)), false;
        return true;
    }

    bool counts(VerifyExpectation& e, std::string_view c) {
        if (c == "+") {
            e.min = 1;
            e.max = -1;
            return true;
        }
        if (c.back() == '+') {
            if (auto n = whole_number(c.substr(0, c.size() - 1))) {
                e.min = *n;
                e.max = -1;
                return true;
            }
        } else if (auto dash = c.find('-'); dash != std::string_view::npos) {
            auto a = whole_number(c.substr(0, dash)), b = whole_number(c.substr(dash + 1));
            if (a && b && *a <= *b) {
                e.min = *a;
                e.max = *b;
                return true;
            }
        } else if (auto n = whole_number(c); n && *n > 0) {
            e.min = e.max = *n;
            return true;
        }
        problem(fmt::format("count '{}': expected N, N+, N-M or +", c));
        return false;
    }

    // The `}}` that ends the text, past any {{regex}} inside it.
    static std::size_t close_of(std::string_view s, std::size_t from) {
        for (std::size_t i = from; i + 1 < s.size(); ++i) {
            if (s.compare(i, 2, "}}") == 0) return i;
            if (s.compare(i, 2, "{{") == 0) {
                auto inner = s.find("}}", i + 2);
                if (inner == std::string_view::npos) return inner;
                i = inner + 1;
            }
        }
        return std::string_view::npos;
    }

    bool regex_of(VerifyExpectation& e, std::string_view body) {
        std::string re;
        std::size_t i = 0;
        while (i < body.size()) {
            auto open = body.find("{{", i);
            re += regex_escape(body.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
            if (open == std::string_view::npos) break;
            auto close = body.find("}}", open + 2);
            re += "(?:" + std::string(body.substr(open + 2, close - open - 2)) + ")";
            i = close + 2;
        }
        try {
            boost::regex check(re);
        } catch (const boost::regex_error& err) {
            problem(fmt::format("invalid regex in -re directive: {}", err.what()));
            return false;
        }
        e.text = re;
        return true;
    }

    VerifyAnnotations& out_;
    int line_, count_;
};

}  // namespace

std::string_view verify_kind_name(VerifyKind k) {
    switch (k) {
        case VerifyKind::error:
            return "error";
        case VerifyKind::warning:
            return "warning";
        case VerifyKind::note:
            return "note";
    }
    return "?";
}

std::vector<std::string> verify_prefixes(const std::vector<std::string>& configured, const std::string& revision) {
    std::vector<std::string> out = configured.empty() ? std::vector<std::string>{"expected"} : configured;
    for (std::string family : {"gcc", "clang"}) {
        if (std::find(out.begin(), out.end(), family) == out.end()) out.push_back(family);
        if (!revision.empty()) out.push_back(revision + "-" + family);
    }
    return out;
}

VerifyAnnotations parse_verify(const std::vector<std::string>& lines, const std::vector<std::string>& prefixes) {
    VerifyAnnotations out;
    const auto head = directive_head(prefixes);
    const int count = static_cast<int>(lines.size());
    for (int n = 1; n <= count; ++n) {
        const std::string comment(comment_of(lines[n - 1]));
        auto from = comment.cbegin();
        boost::smatch m;
        while (boost::regex_search(from, comment.cend(), m, head)) {
            const std::string prefix = m[1], kind = m[2];
            auto rest_at = m[0].second;
            if (kind == "no-diagnostics") {
                out.no_diagnostics.push_back(prefix);
                from = rest_at;
                continue;
            }
            VerifyExpectation e;
            e.prefix = prefix;
            e.kind = kind_of(kind);
            e.is_regex = m[3].matched;
            DirectiveParser p(out, n, count);
            const std::string_view rest(&*rest_at, static_cast<std::size_t>(comment.cend() - rest_at));
            auto used = p.expectation(std::move(e), rest);
            from = rest_at + static_cast<std::ptrdiff_t>(std::min(used, rest.size()));
        }
    }
    return out;
}

bool looks_like_verify_case(const std::vector<std::string>& lines, const std::vector<std::string>& prefixes) {
    const auto head = directive_head(prefixes);
    bool verify = false;
    for (const auto& l : lines) {
        auto t = trim(l);
        if (starts_with(t, "//@")) {
            auto body = trim(t.substr(3));
            for (std::string_view mode : {"compile-fail", "compile-pass", "run-pass", "run-fail"})
                if (body == mode) return false;
        }
        const std::string comment(comment_of(l));
        if (!verify && boost::regex_search(comment, head)) verify = true;
    }
    return verify;
}

void read_verify_annotations(Case& c) {
    c.verify_style = true;
    c.verify = parse_verify(c.lines, verify_prefixes(c.verify_prefixes, c.revision));
    for (const auto& p : c.verify.problems) c.problems.push_back(fmt::format("{}:{}", c.display, p));
    const auto& v = c.verify;
    if (v.expectations.empty() && v.no_diagnostics.empty())
        c.problems.push_back(fmt::format(
            "{}:1: a -verify case needs expected-error/-warning/-note directives or // expected-no-diagnostics",
            c.display));
    for (const auto& e : v.expectations)
        if (std::find(v.no_diagnostics.begin(), v.no_diagnostics.end(), e.prefix) != v.no_diagnostics.end()) {
            c.problems.push_back(fmt::format("{}:{}: {}-no-diagnostics next to {}-{} directives", c.display,
                                             e.written_on, e.prefix, e.prefix, verify_kind_name(e.kind)));
            break;
        }
    bool errors = false;
    for (const auto& e : v.expectations) {
        if (e.kind != VerifyKind::error) continue;
        errors = true;
        const int line = e.file.empty() && !e.any_line ? e.line : e.written_on;
        c.annotations.push_back(Annotation{line, e.written_on, e.text, e.is_regex});
    }
    c.mode = errors ? Mode::compile_fail : Mode::compile_pass;
}

}  // namespace fearless::check
