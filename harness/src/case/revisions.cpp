#include "case/revisions.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fearless::check {

namespace {

constexpr std::string_view revisions_key = "revisions";
constexpr std::string_view prefixes_key = "verify-prefixes";

// What one line of the file is, as far as revisions are concerned.
struct Line {
    enum Kind { plain, directive, scoped_directive, scoped_annotation } kind = plain;
    std::string key;                 // a directive's key ("flags", "compile-fail", "revisions")
    std::string body;                // a directive's text after `//@` or `//@[...]`
    std::vector<std::string> scope;  // the revisions in `[...]`
    std::size_t marker = 0;          // a scoped annotation: where its `//~` starts
    std::string after_scope;         // a scoped annotation: what follows `//~[...]`
};

std::string key_of(std::string_view body) {
    auto colon = body.find(':');
    return std::string(trim(colon == std::string_view::npos ? body : body.substr(0, colon)));
}

std::string value_of(std::string_view body) {
    auto colon = body.find(':');
    return colon == std::string_view::npos ? std::string() : std::string(trim(body.substr(colon + 1)));
}

// "a, b c" → {"a", "b", "c"}.
std::vector<std::string> names_in(std::string_view text) {
    std::string v(text);
    std::replace(v.begin(), v.end(), ',', ' ');
    return split_words(v);
}

bool is_revision_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
    });
}

// `[a,b]rest` → the names and what follows `]`; nullopt without the `]`.
std::optional<std::pair<std::vector<std::string>, std::string>> scope_of(std::string_view s) {
    auto close = s.find(']');
    if (s.empty() || s.front() != '[' || close == std::string_view::npos) return std::nullopt;
    return std::pair{names_in(s.substr(1, close - 1)), std::string(s.substr(close + 1))};
}

class Splitter {
  public:
    Splitter(std::string_view text, const Case& identity) : identity_(identity), text_(split_lines(text)) {
        for (std::size_t i = 0; i < text_.size(); ++i) lines_.push_back(classify(static_cast<int>(i) + 1, text_[i]));
        check_scopes();
    }

    std::vector<Case> cases() const {
        if (!problems_.empty()) {
            Case c = identity_;
            c.lines = text_;
            c.problems = problems_;
            return {std::move(c)};
        }
        if (names_.empty()) return {revision("")};
        std::vector<Case> out;
        for (const auto& name : names_) out.push_back(revision(name));
        return out;
    }

    const std::vector<std::string>& names() const { return names_; }

  private:
    void problem(int line, std::string what) {
        problems_.push_back(fmt::format("{}:{}: {}", identity_.display, line, what));
    }

    Line classify(int number, std::string_view text) {
        Line l;
        std::string_view t = trim(text);
        if (starts_with(t, "//@")) {
            std::string_view rest = t.substr(3);
            if (!rest.empty() && rest.front() == '[') {
                auto scope = scope_of(rest);
                if (!scope) {
                    problem(number, "//@[ needs its closing ]: //@[bad] compile-fail");
                    return l;
                }
                l.kind = Line::scoped_directive;
                l.scope = std::move(scope->first);
                l.body = std::string(trim(scope->second));
                l.key = key_of(l.body);
                scopes_.push_back({number, l.scope});
                return l;
            }
            l.kind = Line::directive;
            l.body = std::string(trim(rest));
            l.key = key_of(l.body);
            if (l.key == revisions_key) declare(number, value_of(l.body));
            return l;
        }
        auto marker = text.find("//~");
        if (marker == std::string_view::npos || text.substr(marker + 3, 1) != "[") return l;
        auto scope = scope_of(text.substr(marker + 3));
        if (!scope) {
            problem(number, "//~[ needs its closing ]: //~[bad] ERROR text");
            return l;
        }
        l.kind = Line::scoped_annotation;
        l.scope = std::move(scope->first);
        l.marker = marker;
        l.after_scope = std::move(scope->second);
        scopes_.push_back({number, l.scope});
        return l;
    }

    void declare(int line, std::string_view value) {
        if (declared_on_) {
            problem(line, fmt::format("'//@ revisions:' given twice (first on line {})", declared_on_));
            return;
        }
        declared_on_ = line;
        const auto names = names_in(value);
        if (names.empty()) problem(line, "//@ revisions: needs at least one name, e.g. //@ revisions: ok bad");
        for (const auto& n : names) {
            if (!is_revision_name(n))
                problem(line, fmt::format("revision name '{}': a name is letters, digits and _", n));
            else if (n == "gcc" || n == "clang")
                problem(line, fmt::format("revision name '{}' would read as a compiler in expected files' names", n));
            else if (std::find(names_.begin(), names_.end(), n) != names_.end())
                problem(line, fmt::format("revision '{}' declared twice", n));
            else
                names_.push_back(n);
        }
    }

    void check_scopes() {
        for (const auto& [line, scope] : scopes_) {
            if (!declared_on_) {
                problem(line, "a revision scope in a file without '//@ revisions:' (declare them: //@ revisions: a b)");
                continue;
            }
            if (scope.empty()) problem(line, "an empty revision scope []: name a revision, e.g. //@[bad]");
            for (const auto& n : scope)
                if (std::find(names_.begin(), names_.end(), n) == names_.end())
                    problem(line, fmt::format("unknown revision '{}' (declared on line {}: {})", n, declared_on_,
                                              fmt::join(names_, ", ")));
        }
    }

    static bool in(const std::vector<std::string>& scope, const std::string& name) {
        return std::find(scope.begin(), scope.end(), name) != scope.end();
    }

    // A directive given once, scoped for `name`: the unscoped one does not apply to it.
    bool overridden(const std::string& key, const std::string& name) const {
        if (!directive_given_once(key) && key != prefixes_key) return false;
        return std::any_of(lines_.begin(), lines_.end(), [&](const Line& l) {
            return l.kind == Line::scoped_directive && l.key == key && in(l.scope, name);
        });
    }

    // The file as parse_case sees it for revision `name` (every line kept, so
    // numbers stay), and the verify-prefixes directive's value that applies.
    std::vector<std::string> applied(const std::string& name, std::optional<std::string>& prefixes) const {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            const std::string& text = text_[i];
            const bool applies = l.kind == Line::directive ? !overridden(l.key, name)
                                 : l.kind == Line::plain   ? true
                                                           : in(l.scope, name);
            if (l.kind == Line::scoped_annotation) {
                out.push_back(text.substr(0, l.marker) + (applies ? "//~" + l.after_scope : ""));
            } else if ((l.kind == Line::directive || l.kind == Line::scoped_directive) &&
                       (!applies || l.key == revisions_key || l.key == prefixes_key)) {
                if (applies && l.key == prefixes_key) prefixes = value_of(l.body);
                out.push_back("//");  // handled here, or another revision's: parse_case must not see it
            } else {
                out.push_back(l.kind == Line::scoped_directive ? "//@ " + l.body : text);
            }
        }
        return out;
    }

    Case revision(const std::string& name) const {
        std::optional<std::string> prefixes;
        const auto lines = applied(name, prefixes);
        Case id = identity_;
        if (prefixes) {
            id.verify_prefixes = names_in(*prefixes);
        } else if (!name.empty()) {
            // The revision's own prefix and the folder's (or clang's default).
            auto shared = id.verify_prefixes.empty() ? std::vector<std::string>{"expected"} : id.verify_prefixes;
            id.verify_prefixes = {name};
            for (auto& p : shared)
                if (p != name) id.verify_prefixes.push_back(p);
        }
        id.revision = name;  // its own family prefixes, REV-gcc and REV-clang (case/verify.hpp)
        if (!id.verify_style && (prefixes || !name.empty()))
            id.verify_style = looks_like_verify_case(lines, verify_prefixes(id.verify_prefixes, name));
        Case c = parse_case(join(lines, "\n"), std::move(id));
        c.lines = text_;  // what the compiler reads, for snapshots and the control source
        if (prefixes && c.verify_prefixes.empty())
            c.problems.push_back(fmt::format("{}: verify-prefixes: needs at least one prefix", identity_.display));
        if (name.empty()) return c;
        for (auto& p : c.problems) p += fmt::format(" (revision {})", name);
        c.id += "." + name;
        c.display += "[" + name + "]";
        c.flags.insert(c.flags.begin(), "-D" + revision_macro(name));
        return c;
    }

    const Case& identity_;
    std::vector<std::string> text_;
    std::vector<Line> lines_;
    std::vector<std::string> names_;
    int declared_on_ = 0;
    std::vector<std::pair<int, std::vector<std::string>>> scopes_;  // line, names
    std::vector<std::string> problems_;
};

}  // namespace

std::string revision_macro(std::string_view revision) {
    return "FEARLESS_REVISION_" + std::string(revision);
}

std::vector<Case> parse_cases(std::string_view text, Case identity) {
    return Splitter(text, identity).cases();
}

std::vector<std::string> declared_revisions(std::string_view text) {
    Case identity;
    return Splitter(text, identity).names();
}

}  // namespace fearless::check
