#include "verdict/expected_files.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "util/file.hpp"

namespace fearless::check {

namespace {
std::filesystem::path file_for(const std::filesystem::path& dir, const std::string& id, std::string_view qualifier,
                               std::string_view ext) {
    if (qualifier.empty()) return dir / fmt::format("{}.{}", id, ext);
    return dir / fmt::format("{}.{}.{}", id, qualifier, ext);
}
std::string version_qualifier(const Compiler& c) {
    return fmt::format("{}-{}", family_name(c.family), c.major);
}
}  // namespace

std::vector<std::filesystem::path> expected_candidates(const std::filesystem::path& expected_dir, const std::string& id,
                                                       std::string_view ext, const Compiler& compiler) {
    std::vector<std::filesystem::path> out;
    if (compiler.family != Family::unknown) {
        out.push_back(file_for(expected_dir, id, version_qualifier(compiler), ext));
        out.push_back(file_for(expected_dir, id, family_name(compiler.family), ext));
    }
    out.push_back(file_for(expected_dir, id, "", ext));
    return out;
}

ExpectedFile load_expected(const std::filesystem::path& expected_dir, const std::string& id, std::string_view ext,
                           const Compiler& compiler) {
    auto candidates = expected_candidates(expected_dir, id, ext, compiler);
    for (const auto& p : candidates) {
        std::string error;
        if (auto text = read_file(p, &error)) return {p, text, {}};
        if (auto why = unreadable_reason(p)) return {p, std::nullopt, fmt::format("{} {}", p.string(), *why)};
        if (std::filesystem::exists(p)) return {p, std::nullopt, error};
    }
    return {candidates.back(), std::nullopt, {}};
}

BlessPlan plan_bless(const std::filesystem::path& expected_dir, const std::string& id, std::string_view ext,
                     const std::vector<BlessOutput>& outputs) {
    BlessPlan plan;
    if (outputs.empty()) return plan;
    auto all_same = [](const std::vector<const BlessOutput*>& v) {
        return std::all_of(v.begin(), v.end(), [&](const BlessOutput* o) { return o->text == v.front()->text; });
    };
    std::vector<const BlessOutput*> all;
    std::map<Family, std::vector<const BlessOutput*>> by_family;
    for (const auto& o : outputs) {
        all.push_back(&o);
        by_family[o.compiler->family].push_back(&o);
    }
    auto remove_versions = [&](const std::vector<const BlessOutput*>& v) {
        for (const auto* o : v)
            plan.removals.push_back(file_for(expected_dir, id, version_qualifier(*o->compiler), ext));
    };
    if (all_same(all)) {
        plan.writes.emplace_back(file_for(expected_dir, id, "", ext), all.front()->text);
        for (const auto& [family, v] : by_family) {
            plan.removals.push_back(file_for(expected_dir, id, family_name(family), ext));
            remove_versions(v);
        }
    } else {
        // What each family file would say: all its versions, or what most of
        // them say (ties: the newest); the versions that say something else
        // get a file of their own.
        std::map<Family, const BlessOutput*> family_text;
        for (const auto& [family, v] : by_family) {
            const BlessOutput* common = nullptr;
            std::size_t best = 0;
            for (const auto* o : v) {
                auto n = static_cast<std::size_t>(
                    std::count_if(v.begin(), v.end(), [&](const BlessOutput* x) { return x->text == o->text; }));
                if (n > best || (n == best && o->compiler->major > common->compiler->major)) {
                    best = n;
                    common = o;
                }
            }
            family_text[family] = common;
            for (const auto* o : v) {
                auto file = file_for(expected_dir, id, version_qualifier(*o->compiler), ext);
                if (o->text == common->text)
                    plan.removals.push_back(file);
                else
                    plan.writes.emplace_back(file, o->text);
            }
        }
        // Both families ran and their files would agree (only a version differs,
        // e.g. Clang 22 naming the type): one shared file, the least specific.
        const bool both = by_family.count(Family::gcc) && by_family.count(Family::clang);
        const bool agree = both && family_text[Family::gcc]->text == family_text[Family::clang]->text;
        for (const auto& [family, common] : family_text) {
            auto file = file_for(expected_dir, id, family_name(family), ext);
            if (agree)
                plan.removals.push_back(file);
            else
                plan.writes.emplace_back(file, common->text);
        }
        if (agree) plan.writes.emplace_back(file_for(expected_dir, id, "", ext), family_text[Family::gcc]->text);
        // When both families have their own files, a shared one would only mislead.
        else if (both)
            plan.removals.push_back(file_for(expected_dir, id, "", ext));
    }
    std::set<std::filesystem::path> written;
    for (const auto& [p, _] : plan.writes) written.insert(p);
    std::erase_if(plan.removals, [&](const auto& p) { return written.count(p) > 0; });
    std::sort(plan.removals.begin(), plan.removals.end());
    plan.removals.erase(std::unique(plan.removals.begin(), plan.removals.end()), plan.removals.end());
    std::sort(plan.writes.begin(), plan.writes.end());
    plan.writes.erase(std::unique(plan.writes.begin(), plan.writes.end()), plan.writes.end());
    return plan;
}

std::vector<std::string> apply_bless(BlessPlan& plan) {
    std::vector<std::string> errors;
    std::erase_if(plan.writes, [&](const auto& w) {
        std::string err;
        if (write_file(w.first, w.second, &err)) return false;
        errors.push_back(err);
        return true;
    });
    std::erase_if(plan.removals, [&](const auto& p) {
        std::error_code ec;
        std::filesystem::remove(p, ec);
        if (!ec) return false;
        errors.push_back(fmt::format("cannot remove {}: {}", p.string(), ec.message()));
        return true;
    });
    return errors;
}

}  // namespace fearless::check
