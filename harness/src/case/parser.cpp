// Directives (`//@ key: value`) and annotations (`//~ ERROR text`) of one case file.
#include <boost/regex.hpp>
#include <cctype>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "case/case.hpp"
#include "util/text.hpp"

namespace fearless::check {

std::string_view mode_name(Mode m) {
    switch (m) {
        case Mode::compile_fail:
            return "compile-fail";
        case Mode::compile_pass:
            return "compile-pass";
        case Mode::run_pass:
            return "run-pass";
        case Mode::run_fail:
            return "run-fail";
    }
    return "?";
}

std::string_view stdout_mode_name(StdoutMode m) {
    switch (m) {
        case StdoutMode::exact:
            return "exact";
        case StdoutMode::sorted:
            return "sorted";
        case StdoutMode::regex:
            return "regex";
    }
    return "?";
}

std::optional<CompilerReq> parse_compiler_req(std::string_view text) {
    text = trim(text);
    CompilerReq req;
    for (std::string_view family : {"gcc", "clang"}) {
        if (starts_with(text, family)) {
            req.family = std::string(family);
            text.remove_prefix(family.size());
            break;
        }
    }
    if (req.family.empty()) return std::nullopt;
    text = trim(text);
    if (text.empty()) return req;
    for (std::string_view op : {">=", "<=", "==", ">", "<"}) {
        if (starts_with(text, op)) {
            req.op = std::string(op);
            text = trim(text.substr(op.size()));
            break;
        }
    }
    if (req.op.empty() || text.empty()) return std::nullopt;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), req.version);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return req;
}

namespace {

class Parser {
  public:
    explicit Parser(Case& c) : c_(c) {}

    void line(int number, std::string_view text) {
        std::string_view t = trim(text);
        if (starts_with(t, "//@")) {
            directive(number, trim(t.substr(3)));
            return;
        }
        // The annotation marker may follow code on the same line.
        if (auto pos = text.find("//~"); pos != std::string_view::npos) annotation(number, text.substr(pos + 3));
    }

    void finish() {
        if (!c_.mode && modes_seen_ == 0)
            problem(1, "no mode: the case needs one of //@ compile-fail, compile-pass, run-pass, run-fail");
        if (c_.mode == Mode::compile_fail && c_.annotations.empty() && !bad_annotation_)
            problem(1, "a compile-fail case needs at least one //~ ERROR annotation saying what must fail and where");
        if (c_.mode && c_.mode != Mode::compile_fail && !c_.annotations.empty())
            problem(c_.annotations.front().written_on,
                    fmt::format("//~ ERROR annotations only make sense in a compile-fail case, this one is {}",
                                mode_name(*c_.mode)));
        bool runs = c_.mode == Mode::run_pass || c_.mode == Mode::run_fail;
        if (stdout_line_ && !runs) problem(stdout_line_, "//@ stdout: applies only to run-pass and run-fail cases");
    }

  private:
    void problem(int line, std::string what) {
        c_.problems.push_back(fmt::format("{}:{}: {}", c_.display, line, what));
    }

    void directive(int line, std::string_view body) {
        std::string_view key = body, value;
        if (auto colon = body.find(':'); colon != std::string_view::npos) {
            key = trim(body.substr(0, colon));
            value = trim(body.substr(colon + 1));
        }
        for (Mode m : {Mode::compile_fail, Mode::compile_pass, Mode::run_pass, Mode::run_fail}) {
            if (key != mode_name(m)) continue;
            if (++modes_seen_ > 1)
                problem(line, fmt::format("a second mode '{}': a case has exactly one", key));
            else
                c_.mode = m;
            return;
        }
        if (key == "mirrors") {
            c_.mirrors = std::string(value);
        } else if (key == "only") {
            once(line, key);
            only(line, value);
        } else if (key == "flags") {
            for (auto& f : split_words(value)) c_.flags.push_back(f);
        } else if (key == "stdout") {
            once(line, key);
            stdout_line_ = line;
            if (value == "exact")
                c_.stdout_mode = StdoutMode::exact;
            else if (value == "sorted")
                c_.stdout_mode = StdoutMode::sorted;
            else if (value == "regex")
                c_.stdout_mode = StdoutMode::regex;
            else
                problem(line, fmt::format("stdout: '{}' is not one of exact, sorted, regex", value));
        } else if (key == "timeout") {
            once(line, key);
            double s = 0;
            std::string v(value);
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), s);
            if (ec != std::errc{} || end != v.data() + v.size() || !(s > 0))
                problem(line, fmt::format("timeout: '{}' is not a positive number of seconds", value));
            else
                c_.timeout_s = s;
        } else if (key == "check") {
            auto words = split_words(value);
            if (words.size() < 2 || words[0] != "clang-tidy")
                problem(
                    line,
                    "check: expects 'clang-tidy CHECK[,CHECK...]', e.g. //@ check: clang-tidy bugprone-use-after-move");
            else
                c_.checks.push_back(Checker{words[0], {words.begin() + 1, words.end()}});
        } else {
            problem(line,
                    fmt::format("unknown directive '//@ {}' (known: compile-fail, compile-pass, run-pass, run-fail, "
                                "mirrors, only, flags, stdout, timeout, check)",
                                key));
        }
    }

    void once(int line, std::string_view key) {
        if (!seen_.insert(std::string(key)).second) problem(line, fmt::format("'{}' given twice", key));
    }

    void only(int line, std::string_view value) {
        std::string v(value);
        for (char& ch : v)
            if (ch == '|' || ch == ',') ch = ' ';
        // "clang >= 19" is one alternative: glue an operator to its neighbours.
        auto words = split_words(v);
        std::vector<std::string> alts;
        for (auto& w : words) {
            bool is_op_or_number = !w.empty() && (w[0] == '>' || w[0] == '<' || w[0] == '=' ||
                                                  std::isdigit(static_cast<unsigned char>(w[0])));
            if (is_op_or_number && !alts.empty())
                alts.back() += w;
            else
                alts.push_back(w);
        }
        if (alts.empty()) problem(line, "only: needs at least one of gcc, clang, clang>=19 ...");
        for (auto& a : alts) {
            if (auto req = parse_compiler_req(a))
                c_.only.push_back(*req);
            else
                problem(line, fmt::format("only: '{}' is not a compiler requirement like gcc, clang, clang>=19", a));
        }
    }

    void annotation(int line, std::string_view rest) {
        int target = line;
        if (!rest.empty() && rest.front() == '|') {
            // `//~|` continues the previous annotation's line.
            rest.remove_prefix(1);
            if (c_.annotations.empty()) {
                bad_annotation_ = true;
                problem(line, "//~| needs an annotation before it");
                return;
            }
            target = c_.annotations.back().line;
        } else {
            while (!rest.empty() && rest.front() == '^') {
                --target;
                rest.remove_prefix(1);
            }
        }
        rest = trim(rest);
        if (!starts_with(rest, "ERROR")) {
            auto kind = split_words(rest);
            bad_annotation_ = true;
            problem(line, fmt::format("annotation kind '{}' is not supported: write //~ ERROR text (notes don't count)",
                                      kind.empty() ? std::string() : kind[0]));
            return;
        }
        rest = trim(rest.substr(5));
        if (target < 1) {
            bad_annotation_ = true;
            problem(line, fmt::format("annotation points to line {}, above the first line", target));
            return;
        }
        if (rest.empty()) {
            bad_annotation_ = true;
            problem(line, "//~ ERROR needs the text the error must contain");
            return;
        }
        Annotation a{target, line, std::string(rest), false};
        if (rest.size() >= 2 && rest.front() == '/' && rest.back() == '/') {
            a.text = std::string(rest.substr(1, rest.size() - 2));
            a.is_regex = true;
            try {
                boost::regex check(a.text);
            } catch (const boost::regex_error& e) {
                bad_annotation_ = true;
                problem(line, fmt::format("invalid regex /{}/: {}", a.text, e.what()));
                return;
            }
        }
        c_.annotations.push_back(std::move(a));
    }

    Case& c_;
    int modes_seen_ = 0;
    int stdout_line_ = 0;
    bool bad_annotation_ = false;  // a rejected annotation already explains an empty list
    std::set<std::string> seen_;
};

}  // namespace

Case parse_case(std::string_view text, Case c) {
    c.lines = split_lines(text);
    Parser p(c);
    for (std::size_t i = 0; i < c.lines.size(); ++i) p.line(static_cast<int>(i) + 1, c.lines[i]);
    p.finish();
    return c;
}

}  // namespace fearless::check
