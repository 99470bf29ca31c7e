#include "book/explain.hpp"

#include <fmt/format.h>

#include "report/term.hpp"
#include "util/text.hpp"

namespace fearless::check {

namespace {

std::string wrap(const std::string& text, int width, const std::string& indent) {
    std::string out, line;
    for (const auto& w : split_words(text)) {
        if (!line.empty() && static_cast<int>(indent.size() + line.size() + 1 + w.size()) > width) {
            out += indent + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + w;
    }
    if (!line.empty()) out += indent + line + "\n";
    return out;
}

std::string indented(const std::string& text, const std::string& indent) {
    std::string out;
    for (const auto& l : split_lines(text)) out += l.empty() ? "\n" : indent + l + "\n";
    return out;
}

}  // namespace

const Page* find_page(const Book& book, const std::string& what) {
    auto id = what;
    if (ends_with(id, ".cpp")) id = id.substr(0, id.size() - 4);
    const Page* by_name = nullptr;
    int names = 0;
    for (const auto& p : book.pages) {
        if (p.c.display == what || p.c.id == id || ends_with(id, "/" + p.c.id)) return &p;
        if (p.c.file.generic_string() == what) return &p;  // a file of revisions: its first
        if (p.name() == id) {
            by_name = &p;
            ++names;
        }
    }
    return names == 1 ? by_name : nullptr;
}

std::string explain_page(const Page& p, bool colour, int width) {
    auto heading = [&](const std::string& s) { return "\n" + paint(s, Colour::bold, colour) + "\n"; };
    std::string out;
    out += paint(p.rule->title, Colour::bold, colour) + "\n";
    std::string tags = std::string(mode_name(*p.c.mode));
    if (!p.c.mirrors.empty()) tags += " · " + p.c.mirrors;
    out += paint(fmt::format("{} · {}", p.c.id, tags), Colour::dim, colour) + "\n\n";
    for (const auto& para : p.prose) out += wrap(para, width, "  ") + "\n";
    if (!p.mistake.empty()) out += wrap("The fix of " + p.mistake + ": it compiles and runs.", width, "  ") + "\n";

    out += paint(p.c.display, Colour::bold, colour) + "\n";
    for (const auto& l : p.code) {
        bool marked = !l.notes.empty();
        auto number = fmt::format("{:>4} | ", l.number);
        out += (marked ? paint(">", Colour::yellow, colour) : std::string(" ")) +
               paint(number, marked ? Colour::bold : Colour::dim, colour) + l.text + "\n";
        for (const auto& n : l.notes) out += paint("       ^ ERROR " + n, Colour::red, colour) + "\n";
    }

    if (!p.snapshots.empty()) out += heading("What the compilers say");
    for (const auto& g : p.snapshots) {
        out += paint("── " + g.label(), Colour::cyan, colour) + "\n";
        out += g.text;
        if (!g.text.empty() && g.text.back() != '\n') out += "\n";
    }
    if (p.rust) {
        out += heading(
            fmt::format("What {} says about {}", p.rust->version.empty() ? "rustc" : p.rust->version, p.rust->name));
        out += p.rust->stderr.empty() ? "rustc accepts it.\n" : p.rust->stderr;
    }
    auto printed = [](const std::string& text) {
        return text.empty() ? std::string("  nothing\n") : indented(text, "  ");
    };
    if (p.expected_stdout) {
        auto note = p.stdout_note();
        out += heading(note.empty() ? "What it prints" : "What it prints, " + note) + printed(*p.expected_stdout);
    }
    if (!p.fixed.empty()) {
        out += heading("The fix: " + p.fixed);
        for (const auto& l : split_lines(p.fix_diff)) {
            Colour c = starts_with(l, "+++") || starts_with(l, "---") ? Colour::dim
                       : starts_with(l, "@@")                         ? Colour::cyan
                       : starts_with(l, "+")                          ? Colour::green
                       : starts_with(l, "-")                          ? Colour::red
                                                                      : Colour::none;
            out += paint(l, c, colour) + "\n";
        }
        if (p.fixed_stdout) out += heading("and it prints") + printed(*p.fixed_stdout);
    }
    return out;
}

}  // namespace fearless::check
