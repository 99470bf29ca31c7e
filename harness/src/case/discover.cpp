#include "case/discover.hpp"

#include "util/path.hpp"

#include <algorithm>
#include <boost/regex.hpp>
#include <set>

#include <fmt/format.h>

namespace fearless::check {

namespace {
void collect(const std::filesystem::path& dir, std::vector<std::filesystem::path>& out) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".cpp") out.push_back(it->path());
    }
}
}  // namespace

Discovery discover_cases(const std::filesystem::path& root, const std::filesystem::path& cases_dir,
                         const std::vector<std::string>& paths, const std::string& filter) {
    Discovery d;
    std::vector<std::filesystem::path> found;
    if (paths.empty()) {
        if (!std::filesystem::is_directory(root / cases_dir))
            d.problems.push_back({cases_dir.generic_string(), "the cases folder does not exist"});
        collect(root / cases_dir, found);
    }
    for (const auto& p : paths) {
        auto abs = root / p;
        std::vector<std::filesystem::path> mine;
        if (std::filesystem::is_directory(abs))
            collect(abs, mine);
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
        auto case_file = root / cases_dir / rel.parent_path() / (name->stem + ".cpp");
        if (!std::filesystem::exists(case_file)) stale.push_back(relative_to_root(root, it->path()));
    }
    std::sort(stale.begin(), stale.end());
    return stale;
}

}  // namespace fearless::check
