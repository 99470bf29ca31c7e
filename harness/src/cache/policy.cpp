#include "cache/policy.hpp"

#include <set>

#include "cache/hash.hpp"
#include "cache/result_cache.hpp"
#include "util/path.hpp"
#include "util/text.hpp"

namespace fearless::check {

std::string job_key(const JobKey& k) {
    const Case& c = k.c;
    Hasher h;
    h.add(harness_version).add(k.settings.root.string()).add(c.file.string()).add(c.display).add(c.id);
    h.add(join(c.lines, "\n"));
    h.add(k.compiler.identity).add(k.compiler.label).add(k.compiler.command);
    h.add(static_cast<std::uint64_t>(k.flags.size()));
    for (const auto& f : k.flags) h.add(f);
    h.add(static_cast<std::uint64_t>(k.settings.timeout.count())).add(k.bless ? "bless" : "check");
    h.add(k.pch_header).add(k.control ? "control" : "-");
    for (const auto* e : {&k.expected_stderr, &k.expected_stdout})
        h.add(e->path.string()).add(e->text ? "=" + *e->text : e->problem.empty() ? "missing" : "unusable");
    for (const auto& checker : c.checks) {
        h.add(checker.tool).add(executable_stamp(k.settings.clang_tidy).value_or("missing"));
        for (const auto& check : checker.checks) h.add(check);
    }
    return h.hex();
}

bool cacheable(const JobOutput& out) {
    auto finished = [](const std::optional<StepRun>& s) { return !s || s->result.outcome == Outcome::exited; };
    if (!out.setup_error.empty() || !out.deps || out.deps->empty() || !out.compile) return false;
    if (!finished(out.compile) || !finished(out.control)) return false;
    for (const auto& s : out.checkers)
        if (s.result.outcome != Outcome::exited) return false;
    return !out.program || out.program->result.outcome == Outcome::exited ||
           out.program->result.outcome == Outcome::signaled;
}

std::vector<std::string> job_deps(const std::filesystem::path& root_dir, const std::filesystem::path& pch_dir_path,
                                  const JobOutput& out, const std::optional<Pch>& pch) {
    std::vector<std::string> deps;
    std::set<std::string> seen;
    const auto root = root_dir.lexically_normal();
    const auto pch_dir = pch_dir_path.lexically_normal().generic_string();
    auto add = [&](const std::string& p) {
        auto path = std::filesystem::path(p).lexically_normal();
        if (path.is_absolute()) {
            if (starts_with(path.generic_string(), pch_dir + "/")) return;
            path = relative_to_root(root, path);
        } else if (starts_with((root / path).lexically_normal().generic_string(), pch_dir + "/")) {
            return;
        }
        if (seen.insert(path.string()).second) deps.push_back(path.string());
    };
    if (out.deps)
        for (const auto& d : *out.deps) add(d);
    if (pch && !out.pch_rejected)
        for (const auto& d : pch->deps) add(d);
    return deps;
}

}  // namespace fearless::check
