#include "report/result.hpp"

#include <fmt/format.h>

namespace fearless::check {

Result decided(std::string case_display, std::string compiler, Status status, std::string reason, std::string details) {
    Result r{std::move(case_display), std::move(compiler), {}, {}, {}};
    r.verdict.status = status;
    r.verdict.reason = std::move(reason);
    r.verdict.details = std::move(details);
    return r;
}

Summary summarize(const std::vector<Result>& results) {
    Summary s;
    for (const auto& r : results) {
        switch (r.verdict.status) {
            case Status::pass:
                ++s.passed;
                break;
            case Status::fail:
                ++s.failed;
                break;
            case Status::skip:
                ++s.skipped;
                break;
        }
    }
    return s;
}

Summary operator+(const Summary& a, const Summary& b) {
    return Summary{a.passed + b.passed, a.failed + b.failed, a.skipped + b.skipped, a.not_run + b.not_run};
}

std::string summary_line(const Summary& s) {
    std::string line = fmt::format("{} passed, {} failed", s.passed, s.failed);
    if (s.skipped) line += fmt::format(", {} skipped", s.skipped);
    if (s.not_run) line += fmt::format(", {} not run", s.not_run);
    return line;
}

std::string_view status_name(Status s) {
    switch (s) {
        case Status::pass:
            return "PASS";
        case Status::fail:
            return "FAIL";
        case Status::skip:
            return "SKIP";
    }
    return "?";
}

}  // namespace fearless::check
