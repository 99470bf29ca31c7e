#include "book/html.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "book/html_assets.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace fearless::check {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return s;
}

// From a page back to DIR: one "../" per folder of "cases/<id>.html".
std::string up(const Page& page) {
    auto depth = std::count(page.c.id.begin(), page.c.id.end(), '/') + 1;
    std::string s;
    for (long i = 0; i < depth; ++i) s += "../";
    return s;
}

std::string document(const std::string& title, const std::string& body) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n"
        "<style>{}</style>\n</head>\n<body>\n<main>\n{}</main>\n<script>{}</script>\n</body>\n</html>\n",
        html_escape(title), book_css, body, book_js);
}

std::string mode_badge(const Case& c) {
    auto mode = std::string(mode_name(*c.mode));
    bool fails = *c.mode == Mode::compile_fail;
    return fmt::format("<span class=\"badge {}\">{}</span>", fails ? "fail" : "pass", mode);
}

std::string badges(const Page& p) {
    std::string s = "<div class=\"badges\">" + mode_badge(p.c);
    if (!p.c.mirrors.empty()) s += fmt::format("<span class=\"badge listing\">{}</span>", html_escape(p.c.mirrors));
    std::vector<std::string> only;
    for (const auto& r : p.c.only)
        only.push_back(fmt::format("{}{}{}", r.family, r.op, r.version ? std::to_string(r.version) : ""));
    if (!only.empty()) s += fmt::format("<span class=\"badge\">only: {}</span>", html_escape(join(only, " | ")));
    for (const auto& k : p.c.checks)
        s += fmt::format("<span class=\"badge\">check: {} {}</span>", html_escape(k.tool),
                         html_escape(join(k.checks, " ")));
    return s + "</div>\n";
}

std::string first_sentence(const Page& p) {
    if (p.prose.empty()) return "";
    const auto& t = p.prose.front();
    auto end = t.find(". ");
    return end == std::string::npos ? t : t.substr(0, end + 1);
}

// Snapshot lines that start a diagnostic stand out.
std::string snapshot_html(const std::string& text) {
    std::string out;
    for (const auto& line : split_lines(text)) {
        auto l = html_escape(line);
        if (starts_with(line, "error") || starts_with(line, "warning"))
            out += "<span class=\"err\">" + l + "</span>";  // a block: no newline of its own
        else if (starts_with(line, "note") || starts_with(line, "help"))
            out += "<span class=\"nt\">" + l + "</span>";
        else
            out += l + "\n";
    }
    return out;
}

std::string diff_html(const std::string& diff) {
    std::string out;
    for (const auto& line : split_lines(diff)) {
        const char* cls = starts_with(line, "+++") || starts_with(line, "---") ? "file"
                          : starts_with(line, "@@")                            ? "hunk"
                          : starts_with(line, "+")                             ? "add"
                          : starts_with(line, "-")                             ? "del"
                                                                               : nullptr;
        if (cls)
            out += fmt::format("<span class=\"{}\">{}</span>", cls, html_escape(line));
        else
            out += html_escape(line) + "\n";
    }
    return out;
}

std::string stdout_html(const std::string& text) {
    if (text.empty()) return "<pre class=\"stdout\"><i>nothing</i></pre>\n";
    return "<pre class=\"stdout\">" + html_escape(text) + "</pre>\n";
}

std::string link_to(const Book& book, const Page& from, const std::string& id) {
    const Page* to = book.find(id);
    if (!to) return html_escape(id);
    return fmt::format("<a href=\"{}{}\">{}</a>", up(from), page_path(*to), html_escape(to->name()));
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

std::string page_path(const Page& page) {
    return "cases/" + page.c.id + ".html";
}

std::string index_html(const Book& book) {
    std::string body;
    body += "<h1>The diagnostics as a book</h1>\n";
    body += fmt::format(
        "<p class=\"lead\">Every rule the library enforces, each case that breaks it, what every compiler says about "
        "it, and the fix that compiles. {} cases in {} chapters, generated by <code>fearless-check --book</code> "
        "from the cases and their blessed expected files.</p>\n",
        book.pages.size(), book.chapters.size());
    body += fmt::format(
        "<div class=\"search\"><input id=\"q\" type=\"search\" placeholder=\"Filter the cases: Rc, may outlive, "
        "Listing 16-14 ...\" aria-label=\"Filter the cases\"><span class=\"counter\"><span id=\"shown\">{0}</span> of "
        "{0} cases</span></div>\n<p id=\"none\" class=\"empty\">No case matches.</p>\n",
        book.pages.size());
    body += "<ul class=\"toc\">\n";
    for (const auto& ch : book.chapters)
        body += fmt::format("<li><a href=\"#{}\">{}</a> <span class=\"count\">{}</span></li>\n", ch.rule->slug,
                            html_escape(ch.rule->title), ch.pages.size());
    body += "</ul>\n";
    for (const auto& ch : book.chapters) {
        body += fmt::format(
            "<section class=\"chapter\" id=\"{}\">\n<h2><code>{}</code> <span class=\"count\">{} cases</span></h2>\n"
            "<p>{}</p>\n<ul class=\"cases\">\n",
            ch.rule->slug, html_escape(ch.rule->title), ch.pages.size(), html_escape(ch.rule->misuse));
        for (auto i : ch.pages) {
            const auto& p = book.pages[i];
            std::string text = p.c.id + " " + p.c.mirrors + " " + join(p.prose, " ") + " " + ch.rule->title;
            for (const auto& a : p.c.annotations) text += " " + a.text;
            for (const auto& g : p.snapshots) text += " " + g.text;
            auto gist = p.mistake.empty() ? first_sentence(p) : "The fix of " + book.find(p.mistake)->name() + ".";
            body += fmt::format(
                "<li class=\"case{}\" data-text=\"{}\"><a href=\"{}\">{}</a>\n<p class=\"gist\">{}</p>\n{}</li>\n",
                p.mistake.empty() ? "" : " twin", html_escape(lower(text)), page_path(p), html_escape(p.name()),
                html_escape(gist), badges(p));
        }
        body += "</ul>\n</section>\n";
    }
    body += "<footer>Generated by <code>fearless-check --book</code>; nothing here is typed by hand.</footer>\n";
    return document("fearless: the diagnostics as a book", body);
}

std::string page_html(const Book& book, const Page& p) {
    std::string body;
    body += fmt::format(
        "<nav class=\"crumbs\"><a href=\"{0}index.html\">The book</a> › <a href=\"{0}index.html#{1}\">{2}</a></nav>\n",
        up(p), p.rule->slug, html_escape(p.rule->title));
    body += fmt::format("<h1>{}</h1>\n{}", html_escape(p.name()), badges(p));
    body += "<section class=\"prose\">\n";
    for (const auto& para : p.prose) body += "<p>" + html_escape(para) + "</p>\n";
    if (!p.mistake.empty()) body += "<p>The fix of " + link_to(book, p, p.mistake) + ": it compiles and runs.</p>\n";
    body += "</section>\n";

    body += fmt::format("<h2>The code <span class=\"count\">{}</span></h2>\n<pre class=\"code\">",
                        html_escape(p.c.display));
    for (const auto& l : p.code) {
        body += fmt::format("<span class=\"line{}\"><span class=\"ln\">{}</span>{}", l.notes.empty() ? "" : " hl",
                            l.number, html_escape(l.text));
        for (const auto& n : l.notes) body += "<span class=\"note\">ERROR " + html_escape(n) + "</span>";
        body += "</span>";
    }
    body += "</pre>\n";

    if (!p.snapshots.empty()) {
        body +=
            "<section class=\"diagnostics\">\n<h2>What the compilers say</h2>\n<div class=\"tabs\" role=\"tablist\">";
        for (const auto& g : p.snapshots)
            body += "<button class=\"tab\" role=\"tab\">" + html_escape(g.label()) + "</button>";
        body += "</div>\n";
        for (const auto& g : p.snapshots) {
            std::vector<std::string> files;
            for (const auto& f : g.files) files.push_back(f.filename().string());
            body += fmt::format(
                "<div class=\"panel\" role=\"tabpanel\"><p class=\"holds\">{} · {}</p><pre class=\"snapshot\">{}</pre></div>\n",
                html_escape(g.label()), html_escape(join(files, ", ")), snapshot_html(g.text));
        }
        body += "</section>\n";
    }
    if (p.rust) {
        body += fmt::format(
            "<section class=\"rust\">\n<h2>What rustc says about {}</h2>\n<h3>{}</h3>"
            "<pre class=\"snapshot\">{}</pre>\n<h3>{}.rs</h3><pre>{}</pre>\n</section>\n",
            html_escape(p.rust->name), html_escape(p.rust->version.empty() ? "rustc" : p.rust->version),
            p.rust->stderr.empty() ? "rustc accepts it." : snapshot_html(p.rust->stderr),
            html_escape(listing_key(p.c.mirrors)), html_escape(p.rust->source));
    }
    if (p.expected_stdout)
        body += fmt::format("<h2>What it prints <span class=\"count\">{}</span></h2>\n{}", html_escape(p.stdout_note()),
                            stdout_html(*p.expected_stdout));
    if (!p.fixed.empty()) {
        body += "<section class=\"fix\">\n<h2>The fix</h2>\n<p>" + link_to(book, p, p.fixed) +
                " compiles; the change:</p>\n<pre class=\"diff\">" + diff_html(p.fix_diff) + "</pre>\n";
        if (p.fixed_stdout) body += "<h3>and it prints</h3>\n" + stdout_html(*p.fixed_stdout);
        body += "</section>\n";
    }
    body += "<footer>Generated by <code>fearless-check --book</code> from <code>" + html_escape(p.c.display) +
            "</code> and its expected files.</footer>\n";
    return document(p.name() + " · " + p.rule->title, body);
}

std::vector<std::string> write_book_html(const Book& book, const std::filesystem::path& dir) {
    std::vector<std::string> errors;
    std::string err;
    if (!write_file(dir / "index.html", index_html(book), &err)) errors.push_back(err);
    for (const auto& p : book.pages)
        if (!write_file(dir / page_path(p), page_html(book, p), &err)) errors.push_back(err);
    return errors;
}

}  // namespace fearless::check
