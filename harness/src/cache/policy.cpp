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
    // A folder's fearless-check.json can make the same text a -verify case.
    h.add(c.verify_style ? "verify" : "rustc").add(join(c.verify_prefixes, ","));
    for (const auto& checker : c.checks) {
        h.add(checker.tool).add(executable_stamp(k.settings.clang_tidy).value_or("missing"));
        for (const auto& check : checker.checks) h.add(check);
    }
    return h.hex();
}

bool cacheable(const JobOutput& out) {
    auto finished = [](const std::optional<StepRun>& s) { return !s || s->result.outcome == Outcome::exited; };
    if (!out.setup_error.empty() || !out.launcher_error.empty() || !out.deps || out.deps->empty() || !out.compile)
        return false;
    if (!finished(out.compile) || !finished(out.control)) return false;
    for (const auto& s : out.checkers)
        if (s.result.outcome != Outcome::exited) return false;
    return !out.program || out.program->result.outcome == Outcome::exited ||
           out.program->result.outcome == Outcome::signaled;
}

namespace {
// Whether `path` lies below `dir`, compared component by component: an empty
// `dir` (no PCH folder) holds nothing, and a trailing '/' makes no difference.
bool inside(const std::filesystem::path& dir, const std::filesystem::path& path) {
    if (dir.empty()) return false;
    auto d = dir.begin(), p = path.begin();
    for (; d != dir.end(); ++d, ++p) {
        if (d->empty()) continue;  // the empty last element of "a/b/"
        if (p == path.end() || *d != *p) return false;
    }
    return p != path.end();
}
}  // namespace

std::vector<std::string> job_deps(const std::filesystem::path& root_dir, const std::filesystem::path& pch_dir_path,
                                  const JobOutput& out, const std::optional<Pch>& pch) {
    std::vector<std::string> deps;
    std::set<std::string> seen;
    const auto root = root_dir.lexically_normal();
    const auto pch_dir = pch_dir_path.empty() ? pch_dir_path : (root / pch_dir_path).lexically_normal();
    auto add = [&](const std::string& p) {
        auto path = std::filesystem::path(p).lexically_normal();
        if (inside(pch_dir, path.is_absolute() ? path : (root / path).lexically_normal())) return;
        if (path.is_absolute()) path = relative_to_root(root, path);
        if (seen.insert(path.string()).second) deps.push_back(path.string());
    };
    if (out.deps)
        for (const auto& d : *out.deps) add(d);
    if (pch && !out.pch_rejected)
        for (const auto& d : pch->deps) add(d);
    return deps;
}

}  // namespace fearless::check
