#include "verdict/bless.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/file.hpp"
#include "util/path.hpp"
#include "verdict/expected_files.hpp"

namespace fearless::check {

std::vector<std::string> bless_case(const Case& c, const std::vector<JobOutcome>& outcomes,
                                    const std::filesystem::path& expected_dir, const std::filesystem::path& root,
                                    const std::vector<std::filesystem::path>& own_dirs) {
    std::vector<std::string> lines;
    std::vector<BlessOutput> errs, outs;
    for (const auto& o : outcomes) {
        if (o.verdict->status != Status::pass) {
            // Its output is no truth to keep; the compilers that passed are blessed all the same.
            lines.push_back(fmt::format("bless: {} [{}]: not blessed, it failed: {}", c.display, o.compiler->label,
                                        o.verdict->reason.empty() ? "see above" : o.verdict->reason));
            continue;
        }
        if (o.verdict->actual_stderr) errs.push_back({o.compiler, *o.verdict->actual_stderr});
        if (o.verdict->actual_stdout) outs.push_back({o.compiler, *o.verdict->actual_stdout});
    }
    const auto stdout_file = expected_dir / (c.id + ".stdout");
    bool silent = false;
    // A regex file is written by hand; bless only starts one when there is none.
    if (c.stdout_mode == StdoutMode::regex && std::filesystem::exists(stdout_file)) outs.clear();
    if (!outs.empty()) {
        // One .stdout for every compiler: a program's output does not depend on who compiled it.
        bool same =
            std::all_of(outs.begin(), outs.end(), [&](const BlessOutput& b) { return b.text == outs.front().text; });
        if (!same) {
            lines.push_back(
                fmt::format("{}the compilers' programs print different output; not blessed", bless_failure));
            return lines;
        }
        outs.resize(1);
        silent = outs.front().text.empty();  // a program that prints nothing needs no .stdout file
        if (silent) outs.clear();
    }
    auto stdout_plan = plan_bless(expected_dir, c.id, "stdout", outs);
    if (silent) stdout_plan.removals.push_back(stdout_file);
    for (auto plan : {plan_bless(expected_dir, c.id, "stderr", errs), stdout_plan}) {
        // Touch only what changes, and say so.
        std::erase_if(plan.writes, [](const auto& w) { return read_file(w.first) == w.second; });
        std::erase_if(plan.removals, [](const auto& p) { return !std::filesystem::exists(p); });
        for (const auto& e : apply_bless(plan)) lines.push_back(std::string(bless_failure) + e);
        for (const auto& [p, _] : plan.writes)
            lines.push_back(fmt::format("blessed {}", shown_path(root, own_dirs, p).generic_string()));
        for (const auto& p : plan.removals)
            lines.push_back(fmt::format("removed {}", shown_path(root, own_dirs, p).generic_string()));
    }
    return lines;
}

}  // namespace fearless::check
