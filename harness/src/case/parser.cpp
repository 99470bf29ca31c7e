// Directives (`//@ key: value`) and annotations (`//~ ERROR text`) of one case file.
#include <algorithm>
#include <boost/regex.hpp>
#include <cctype>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "case/case.hpp"
#include "util/text.hpp"

namespace fearless::check {

const ModeTraits& traits(Mode m) {
    static constexpr ModeTraits table[] = {
        {"compile-fail", true, false, false},
        {"compile-pass", false, false, false},
        {"run-pass", false, true, false},
        {"run-fail", false, true, true},
    };
    return table[static_cast<int>(m)];
}

bool Case::matches_anywhere() const {
    return std::any_of(annotations.begin(), annotations.end(), [](const Annotation& a) { return a.anywhere; });
}

std::string_view mode_name(Mode m) {
    return traits(m).name;
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

bool is_std_version(std::string_view text) {
    for (std::string_view prefix : {"c++", "gnu++"}) {
        if (!starts_with(text, prefix)) continue;
        auto v = text.substr(prefix.size());
        return v.size() == 2 && std::isdigit(static_cast<unsigned char>(v[0])) &&
               std::isalnum(static_cast<unsigned char>(v[1]));
    }
    return false;
}

namespace {

constexpr double max_timeout_s = 86400;

std::vector<std::string_view> mode_names() {
    std::vector<std::string_view> names;
    for (Mode m : all_modes) names.push_back(mode_name(m));
    return names;
}

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
            problem(1, fmt::format("no mode: the case needs one of //@ {}", fmt::join(mode_names(), ", ")));
        const bool rejected = c_.mode && traits(*c_.mode).rejected;
        if (rejected && c_.annotations.empty() && !bad_annotation_)
            problem(1, "a compile-fail case needs at least one //~ ERROR annotation saying what must fail and where");
        if (c_.mode && !rejected && !c_.annotations.empty())
            problem(c_.annotations.front().written_on,
                    fmt::format("//~ ERROR annotations only make sense in a compile-fail case, this one is {}",
                                mode_name(*c_.mode)));
        const bool runs = c_.mode && traits(*c_.mode).runs;
        if (stdout_line_ && !runs) problem(stdout_line_, "//@ stdout: applies only to run-pass and run-fail cases");
        if (limits_line_ && !runs) problem(limits_line_, "//@ limits: applies only to run-pass and run-fail cases");
    }

  private:
    void problem(int line, std::string what) {
        c_.problems.push_back(fmt::format("{}:{}: {}", c_.display, line, what));
    }

    // The directives besides the modes: the parser and the "known:" message both read this table.
    struct Directive {
        std::string_view key;
        bool once;  // may be given at most once
        void (Parser::*apply)(int line, std::string_view value);
    };
    static const Directive directives[8];
    friend bool fearless::check::directive_given_once(std::string_view key);

    static std::string known_directives() {
        std::vector<std::string_view> keys = mode_names();
        for (const auto& d : directives) keys.push_back(d.key);
        return fmt::format("{}", fmt::join(keys, ", "));
    }

    void directive(int line, std::string_view body) {
        std::string_view key = body, value;
        if (auto colon = body.find(':'); colon != std::string_view::npos) {
            key = trim(body.substr(0, colon));
            value = trim(body.substr(colon + 1));
        }
        for (Mode m : all_modes) {
            if (key != mode_name(m)) continue;
            if (++modes_seen_ > 1)
                problem(line, fmt::format("a second mode '{}': a case has exactly one", key));
            else
                c_.mode = m;
            return;
        }
        for (const auto& d : directives) {
            if (key != d.key) continue;
            if (d.once) once(line, key);
            (this->*d.apply)(line, value);
            return;
        }
        problem(line, fmt::format("unknown directive '//@ {}' (known: {})", key, known_directives()));
    }

    void mirrors(int, std::string_view value) { c_.mirrors = std::string(value); }

    void flags(int, std::string_view value) {
        for (auto& f : split_words(value)) c_.flags.push_back(f);
    }

    void std_(int line, std::string_view value) {
        if (is_std_version(value))
            c_.std_version = std::string(value);
        else
            problem(line, fmt::format("std: '{}' is not a language standard like c++17, c++20, gnu++23", value));
    }

    void stdout_(int line, std::string_view value) {
        stdout_line_ = line;
        if (value == "exact")
            c_.stdout_mode = StdoutMode::exact;
        else if (value == "sorted")
            c_.stdout_mode = StdoutMode::sorted;
        else if (value == "regex")
            c_.stdout_mode = StdoutMode::regex;
        else
            problem(line, fmt::format("stdout: '{}' is not one of exact, sorted, regex", value));
    }

    void timeout(int line, std::string_view value) {
        double s = 0;
        std::string v(value);
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), s);
        if (ec != std::errc{} || end != v.data() + v.size() || !(s > 0))
            problem(line, fmt::format("timeout: '{}' is not a positive number of seconds", value));
        else if (!(s <= max_timeout_s))  // also inf: milliseconds of it would overflow
            problem(line, fmt::format("timeout: '{}' is more than {} seconds (a day)", value, max_timeout_s));
        else
            c_.timeout_s = s;
    }

    void check(int line, std::string_view value) {
        auto words = split_words(value);
        if (words.size() < 2 || words[0] != "clang-tidy")
            problem(line,
                    "check: expects 'clang-tidy CHECK[,CHECK...]', e.g. //@ check: clang-tidy bugprone-use-after-move");
        else
            c_.checks.push_back(Checker{words[0], {words.begin() + 1, words.end()}});
    }

    // memory=512M file=16M output=1M: sizes in bytes with an optional K, M or G.
    void limits(int line, std::string_view value) {
        limits_line_ = line;
        const auto words = split_words(value);
        if (words.empty()) problem(line, "limits: expects memory=SIZE, file=SIZE and/or output=SIZE, e.g. memory=512M");
        for (const auto& w : words) {
            auto eq = w.find('=');
            std::string_view key = std::string_view(w).substr(0, eq);
            std::optional<unsigned long>* slot = key == "memory" ? &c_.limits.memory
                                                 : key == "file"   ? &c_.limits.file
                                                 : key == "output" ? &c_.limits.output
                                                                   : nullptr;
            auto size = eq == std::string::npos ? std::nullopt : parse_size(std::string_view(w).substr(eq + 1));
            if (!slot || !size)
                problem(line, fmt::format("limits: '{}' is not memory=SIZE, file=SIZE or output=SIZE "
                                          "(SIZE: a number of bytes with K, M or G, at least 1K)",
                                          w));
            else
                *slot = *size;
        }
    }

    static std::optional<unsigned long> parse_size(std::string_view text) {
        unsigned long n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc{}) return std::nullopt;
        std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
        const int shift = unit.empty() ? 0 : unit == "K" ? 10 : unit == "M" ? 20 : unit == "G" ? 30 : -1;
        if (shift < 0 || n > (1ul << 40) >> shift) return std::nullopt;  // at most 1 TiB
        n <<= shift;
        if (n < 1024) return std::nullopt;
        return n;
    }

    void once(int line, std::string_view key) {
        if (!seen_.insert(std::string(key)).second) problem(line, fmt::format("'{}' given twice", key));
    }

    void only(int line, std::string_view value) { compiler_list(line, "only", value, c_.only); }

    // "clang | gcc>=13", "clang, gcc", "clang >= 19" → requirements appended to `out`;
    // false, after saying why (`what` names the directive), if any is not one or there is none.
    bool compiler_list(int line, std::string_view what, std::string_view value, std::vector<CompilerReq>& out) {
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
        if (alts.empty()) {
            problem(line, fmt::format("{}: needs at least one of gcc, clang, clang>=19 ...", what));
            return false;
        }
        bool ok = true;
        for (auto& a : alts) {
            if (auto req = parse_compiler_req(a)) {
                out.push_back(*req);
            } else {
                ok = false;
                problem(line, fmt::format("{}: '{}' is not a compiler requirement like gcc, clang, clang>=19", what, a));
            }
        }
        return ok;
    }

    void annotation(int line, std::string_view rest) {
        int target = line;
        const bool anywhere = !rest.empty() && rest.front() == '?';
        if (anywhere) {
            rest.remove_prefix(1);
            target = 0;
        } else if (!rest.empty() && rest.front() == '|') {
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
        rest = rest.substr(5);
        std::vector<CompilerReq> only;
        if (!rest.empty() && rest.front() == '[') {
            auto close = rest.find(']');
            if (close == std::string_view::npos) {
                bad_annotation_ = true;
                problem(line, "ERROR[ needs its closing ]: //~ ERROR[gcc] text");
                return;
            }
            if (!compiler_list(line, "ERROR[...]", rest.substr(1, close - 1), only)) {
                bad_annotation_ = true;
                return;
            }
            rest = rest.substr(close + 1);
        }
        rest = trim(rest);
        if (target < 1 && !anywhere) {
            bad_annotation_ = true;
            problem(line, fmt::format("annotation points to line {}, above the first line", target));
            return;
        }
        if (rest.empty()) {
            bad_annotation_ = true;
            problem(line, "//~ ERROR needs the text the error must contain");
            return;
        }
        Annotation a{target, line, std::string(rest), false, std::move(only), anywhere};
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
    int limits_line_ = 0;
    bool bad_annotation_ = false;  // a rejected annotation already explains an empty list
    std::set<std::string> seen_;
};

const Parser::Directive Parser::directives[8] = {
    {"mirrors", false, &Parser::mirrors}, {"only", true, &Parser::only},       {"flags", false, &Parser::flags},
    {"stdout", true, &Parser::stdout_},   {"timeout", true, &Parser::timeout}, {"check", false, &Parser::check},
    {"std", true, &Parser::std_},
    {"limits", true, &Parser::limits},
};

}  // namespace

bool directive_given_once(std::string_view key) {
    return std::any_of(std::begin(Parser::directives), std::end(Parser::directives),
                       [&](const auto& d) { return d.key == key && d.once; });
}

Case parse_case(std::string_view text, Case c) {
    c.lines = split_lines(text);
    if (c.verify_style || looks_like_verify_case(c.lines)) read_verify_annotations(c);
    Parser p(c);
    for (std::size_t i = 0; i < c.lines.size(); ++i) p.line(static_cast<int>(i) + 1, c.lines[i]);
    p.finish();
    // A NUL would cut a directive's value (flags become argv strings) and the
    // compilers skip it with a warning: a case is text.
    for (std::size_t i = 0; i < c.lines.size(); ++i)
        if (c.lines[i].find('\0') != std::string::npos) {
            c.problems.push_back(fmt::format("{}:{}: a NUL byte: a case file is text", c.display, i + 1));
            break;
        }
    return c;
}

}  // namespace fearless::check
