#include "run/plan.hpp"

#include <fmt/format.h>

#include <utility>

namespace fearless::check {

namespace {
std::string describe_only(const std::vector<CompilerReq>& only) {
    std::vector<std::string> alts;
    for (const auto& r : only)
        alts.push_back(r.op.empty() ? r.family : fmt::format("{}{}{}", r.family, r.op, r.version));
    return fmt::format("only: {}", fmt::join(alts, " | "));
}

// The first revision of `c`'s file (in `cases`) that must compile on `compiler`; "" if none.
std::string compiling_sibling(const std::vector<Case>& cases, const Case& c, const Compiler& compiler) {
    for (const auto& s : cases)
        if (!s.revision.empty() && s.file == c.file && s.revision != c.revision && !s.malformed() &&
            !traits(*s.mode).rejected && satisfies(compiler, s.only))
            return s.revision;
    return "";
}
}  // namespace

std::vector<Job> plan_jobs(const std::vector<Case>& cases, const std::vector<Compiler>& compilers) {
    std::vector<Job> jobs;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        if (cases[i].malformed()) continue;
        // No control compile for a -verify case (its directives may sit on lines of
        // their own) nor for a `//~?` error (it has no line to blank).
        bool control = traits(*cases[i].mode).rejected && !cases[i].verify_style && !cases[i].matches_anywhere();
        for (std::size_t k = 0; k < compilers.size(); ++k) {
            Job job{i, k, {}};
            // An unidentified compiler cannot be judged against `only:`; its job runs and fails.
            if (compilers[k].problem.empty() && !satisfies(compilers[k], cases[i].only))
                job.skip_reason = describe_only(cases[i].only);
            const bool runs = job.skip_reason.empty() && compilers[k].problem.empty();
            if (runs && traits(*cases[i].mode).rejected && !cases[i].revision.empty())
                job.control_by = compiling_sibling(cases, cases[i], compilers[k]);
            if (control && runs && job.control_by.empty()) job.control = std::exchange(control, false);
            jobs.push_back(std::move(job));
        }
    }
    return jobs;
}

}  // namespace fearless::check
