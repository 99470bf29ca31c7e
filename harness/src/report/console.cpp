#include "report/console.hpp"

#include <fmt/format.h>

#include "report/github.hpp"
#include "report/term.hpp"
#include "util/text.hpp"

namespace fearless::check {

namespace {
Colour status_colour(Status s) {
    switch (s) {
        case Status::pass:
            return Colour::green;
        case Status::fail:
            return Colour::red;
        case Status::skip:
            return Colour::yellow;
    }
    return Colour::none;
}

Colour diff_colour(std::string_view line) {
    if (starts_with(line, "+++") || starts_with(line, "---")) return Colour::bold;
    if (starts_with(line, "@@")) return Colour::cyan;
    if (starts_with(line, "+")) return Colour::green;
    if (starts_with(line, "-")) return Colour::red;
    return Colour::none;
}
}  // namespace

void ConsoleReporter::clear_progress() {
    if (progress_shown_) out_ << "\r\x1b[K";
    progress_shown_ = false;
}

void ConsoleReporter::result(const Result& r) {
    clear_progress();
    so_far_ = summarize({r}) + so_far_;
    bool c = style_.colour;
    out_ << paint(status_name(r.verdict.status), status_colour(r.verdict.status), c) << "  " << r.case_display << "  "
         << paint(fmt::format("[{}]", r.compiler), Colour::dim, c);
    if (!r.verdict.reason.empty()) out_ << "  " << r.verdict.reason;
    out_ << '\n';
    if (style_.verbose)
        for (const auto& cmd : r.commands) out_ << "    $ " << cmd << '\n';
    if (r.verdict.status == Status::fail && !r.verdict.details.empty()) {
        if (style_.github) out_ << fmt::format("::group::details: {} [{}]\n", r.case_display, r.compiler);
        for (const auto& l : split_lines(r.verdict.details)) out_ << "    " << paint(l, diff_colour(l), c) << '\n';
        if (style_.github) out_ << "::endgroup::\n";
    }
    if (r.verdict.status == Status::fail && style_.github) out_ << github_error(r);
    out_.flush();
}

void ConsoleReporter::progress(std::size_t done, std::size_t total) {
    if (!style_.progress) return;
    out_ << "\r\x1b[K" << fmt::format("[{}/{}] {}", done, total, summary_line(so_far_));
    out_.flush();
    progress_shown_ = true;
}

void ConsoleReporter::message(const std::string& text) {
    clear_progress();
    out_ << text << '\n';
}

void ConsoleReporter::finish(const Summary& s) {
    clear_progress();
    Colour colour = s.failed ? Colour::red : Colour::green;
    out_ << '\n' << paint(summary_line(s), colour, style_.colour) << '\n';
    out_.flush();
}

}  // namespace fearless::check
