#include "book/snapshots.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "case/discover.hpp"
#include "run/compiler.hpp"
#include "util/text.hpp"
#include "verdict/expected_files.hpp"

namespace fearless::check {

namespace {

// One compiler as the expected files see it; `major == 0`: any version they do not name.
struct Probe {
    Family family;
    int major;
    Compiler compiler() const {
        Compiler c;
        c.family = family;
        c.major = major;
        return c;
    }
};

// The versions of `family` that the case's expected files name ("clang-22" → 22).
std::set<int> named_versions(const std::filesystem::path& expected_dir, const Case& c, Family family) {
    std::set<int> versions;
    auto id = std::filesystem::path(c.id);
    auto dir = expected_dir / id.parent_path();
    auto prefix = fmt::format("{}-", family_name(family));
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec)) {
        auto name = parse_expected_name(it->path().filename().string());
        if (name && name->stem == id.filename().string() && name->ext == "stderr" &&
            starts_with(name->qualifier, prefix))
            versions.insert(std::stoi(name->qualifier.substr(prefix.size())));
    }
    return versions;
}

bool family_allowed(const Case& c, Family family) {
    if (c.only.empty()) return true;
    return std::any_of(c.only.begin(), c.only.end(),
                       [&](const CompilerReq& r) { return r.family == family_name(family); });
}

std::string versions_text(const std::vector<int>& v) {
    std::vector<std::string> parts;
    for (int x : v) parts.push_back(std::to_string(x));
    if (parts.size() < 2) return join(parts, "");
    auto last = parts.back();
    parts.pop_back();
    return join(parts, ", ") + " and " + last;
}

}  // namespace

std::string SnapshotGroup::label() const {
    return join(holds_for, ", ");
}

std::vector<SnapshotGroup> group_snapshots(const std::filesystem::path& expected_dir, const Case& c) {
    struct Held {
        Probe probe;
        std::filesystem::path file;
        std::string text;
    };
    std::vector<Held> held;
    std::map<Family, std::set<int>> versions;
    for (Family family : {Family::gcc, Family::clang}) {
        if (!family_allowed(c, family)) continue;
        std::vector<Probe> probes;
        for (int v : named_versions(expected_dir, c, family)) {
            if (Probe p{family, v}; satisfies(p.compiler(), c.only)) probes.push_back(p);
        }
        probes.push_back({family, 0});
        for (const auto& p : probes) {
            auto e = load_expected(expected_dir, c.id, "stderr", p.compiler());
            if (!e.text) continue;
            held.push_back({p, e.path, *e.text});
            if (p.major) versions[family].insert(p.major);
        }
    }
    std::vector<SnapshotGroup> groups;
    std::vector<std::vector<Probe>> members;
    for (const auto& h : held) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const SnapshotGroup& g) { return g.text == h.text; });
        if (it == groups.end()) {
            groups.push_back({{}, h.text, {}});
            members.emplace_back();
            it = groups.end() - 1;
        }
        if (std::find(it->files.begin(), it->files.end(), h.file) == it->files.end()) it->files.push_back(h.file);
        members[static_cast<std::size_t>(it - groups.begin())].push_back(h.probe);
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
        for (Family family : {Family::gcc, Family::clang}) {
            std::vector<int> in;
            bool others = false;
            for (const auto& p : members[i]) {
                if (p.family != family) continue;
                if (p.major)
                    in.push_back(p.major);
                else
                    others = true;
            }
            std::vector<int> out;
            for (int v : versions[family])
                if (std::find(in.begin(), in.end(), v) == in.end()) out.push_back(v);
            auto name = std::string(family_name(family));
            if (others && out.empty())
                groups[i].holds_for.push_back(name);
            else if (others)
                groups[i].holds_for.push_back(fmt::format("{} except {}", name, versions_text(out)));
            else if (!in.empty())
                groups[i].holds_for.push_back(fmt::format("{} {}", name, versions_text(in)));
        }
    }
    return groups;
}

}  // namespace fearless::check
