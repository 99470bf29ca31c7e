#include "case/discover.hpp"

#include "case/revisions.hpp"
#include "util/file.hpp"
#include "util/path.hpp"

#include <algorithm>
#include <boost/regex.hpp>
#include <set>

#include <fmt/format.h>

namespace fearless::check {

namespace {
namespace fs = std::filesystem;

// A symlink that cannot be followed (a loop, or nothing at its end) or a
// folder symlink back into its own ancestry: reported, never followed.
std::optional<std::string> symlink_problem(const fs::directory_entry& e, const fs::path& dir) {
    std::error_code ec;
    if (!e.is_symlink(ec)) return std::nullopt;
    auto target = fs::canonical(e.path(), ec);
    if (ec) return fmt::format("a symlink that leads nowhere ({}); skipped", ec.message());
    auto top = fs::canonical(dir, ec);
    if (ec || !fs::is_directory(target, ec)) return std::nullopt;
    auto rel = top.lexically_relative(target);
    if (!rel.empty() && *rel.begin() != "..")
        return fmt::format("a symlink loop (it points back to {}); not followed", target.string());
    return std::nullopt;
}

void collect(const fs::path& root, const fs::path& dir, std::vector<fs::path>& out, std::vector<PathProblem>& problems) {
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(dir, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (auto why = symlink_problem(*it, dir)) {
            problems.push_back({relative_to_root(root, it->path()).generic_string(), *why});
            continue;
        }
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) && it->path().extension() == ".cpp") out.push_back(it->path());
    }
    // The walk stops at an error: say where, so that no case goes missing silently.
    if (ec) problems.push_back({relative_to_root(root, dir).generic_string(), "cannot list it: " + ec.message()});
}
// Whether the expected files named `stem` in `dir`'s expected folder have a
// case: `stem`.cpp, or for "name.rev" a name.cpp declaring revision rev.
bool has_owner(const fs::path& dir, const std::string& stem) {
    if (fs::exists(dir / (stem + ".cpp"))) return true;
    const auto dot = stem.rfind('.');
    if (dot == std::string::npos) return false;
    const auto text = read_file(dir / (stem.substr(0, dot) + ".cpp"));
    if (!text) return false;
    const auto names = declared_revisions(*text);
    return std::find(names.begin(), names.end(), stem.substr(dot + 1)) != names.end();
}
}  // namespace

Discovery discover_cases(const std::filesystem::path& root, const std::filesystem::path& cases_dir,
                         const std::vector<std::string>& paths, const std::string& filter) {
    Discovery d;
    std::vector<std::filesystem::path> found;
    if (paths.empty()) {
        if (!std::filesystem::is_directory(root / cases_dir))
            d.problems.push_back({cases_dir.generic_string(), "the cases folder does not exist"});
        else
            collect(root, root / cases_dir, found, d.problems);
    }
    for (const auto& p : paths) {
        auto abs = root / p;
        std::vector<std::filesystem::path> mine;
        if (std::filesystem::is_directory(abs))
            collect(root, abs, mine, d.problems);
        else if (std::filesystem::is_regular_file(abs) && abs.extension() == ".cpp")
            mine.push_back(abs);
        if (mine.empty()) d.problems.push_back({p, "no case matches it (a case is a .cpp file, or a folder of them)"});
        found.insert(found.end(), mine.begin(), mine.end());
    }
    // The filter sees the name reports show (a case outside the root: relative to its cases folder's parent).
    const std::vector<std::filesystem::path> cases_parent = {(root / cases_dir).lexically_normal().parent_path()};
    std::set<std::filesystem::path> unique;
    for (const auto& f : found) {
        auto rel = relative_to_root(root, f);
        auto shown = shown_path(root, cases_parent, f).generic_string();
        if (filter.empty() || shown.find(filter) != std::string::npos) unique.insert(rel);
    }
    d.files.assign(unique.begin(), unique.end());
    return d;
}

std::string case_id(const std::filesystem::path& root, const std::filesystem::path& cases_dir,
                    const std::filesystem::path& file) {
    auto rel = relative_to_root(root / cases_dir, root / file);
    if (rel.is_absolute()) rel = relative_to_root(root, file);
    rel.replace_extension();
    return rel.generic_string();
}

std::optional<ExpectedName> parse_expected_name(const std::string& filename) {
    // name.stderr, name.stdout, name.gcc.stderr, name.clang-14.stderr
    static const boost::regex expected_name(R"(^(.*?)(\.((gcc|clang)(-\d+)?))?\.(stderr|stdout)$)");
    boost::smatch m;
    if (!boost::regex_match(filename, m, expected_name)) return std::nullopt;
    return ExpectedName{m[1].str(), m[3].str(), m[6].str()};
}

std::vector<std::filesystem::path> find_stale_expected(const std::filesystem::path& root,
                                                       const std::filesystem::path& expected_dir,
                                                       const std::filesystem::path& cases_dir) {
    std::vector<std::filesystem::path> stale;
    std::error_code ec;
    auto base = root / expected_dir;
    for (auto it = std::filesystem::recursive_directory_iterator(base, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        auto rel = it->path().lexically_relative(base);
        auto name = parse_expected_name(rel.filename().string());
        if (!name) continue;
        if (!has_owner(root / cases_dir / rel.parent_path(), name->stem))
            stale.push_back(relative_to_root(root, it->path()));
    }
    std::sort(stale.begin(), stale.end());
    return stale;
}

}  // namespace fearless::check
