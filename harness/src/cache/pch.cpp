#include "cache/pch.hpp"

#include <algorithm>
#include <fstream>
#include <random>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cache/deps.hpp"
#include "cache/file_lock.hpp"
#include "cache/hash.hpp"
#include "run/commands.hpp"
#include "run/depfile.hpp"
#include "run/process/stop.hpp"
#include "util/file.hpp"
#include "util/path.hpp"
#include "util/text.hpp"

namespace fearless::check {

std::optional<std::string> leading_include(const std::vector<std::string>& lines) {
    for (const auto& raw : lines) {
        auto line = trim(raw);
        if (line.empty() || starts_with(line, "//")) continue;
        if (!starts_with(line, "#")) return std::nullopt;
        line = trim(line.substr(1));
        if (!starts_with(line, "include")) return std::nullopt;
        line = trim(line.substr(7));
        if (!starts_with(line, "<")) return std::nullopt;
        auto end = line.find('>');
        if (end == std::string_view::npos) return std::nullopt;
        auto rest = trim(line.substr(end + 1));
        if (!rest.empty() && !starts_with(rest, "//")) return std::nullopt;
        return std::string(line.substr(1, end - 1));
    }
    return std::nullopt;
}

std::set<std::string> shared_leading_includes(const std::vector<Case>& cases) {
    std::map<std::string, int> count;
    for (const auto& c : cases)
        if (!c.malformed())
            if (auto h = leading_include(c.lines)) ++count[*h];
    std::set<std::string> shared;
    for (const auto& [h, n] : count)
        if (n > 1) shared.insert(h);  // one case is no reason for a PCH
    return shared;
}

namespace {

struct Stat {
    std::uintmax_t size = 0;
    long long mtime = 0;
    bool operator==(const Stat&) const = default;
};

std::optional<Stat> stat_of(const std::filesystem::path& p) {
    std::error_code ec;
    auto size = std::filesystem::file_size(p, ec);
    if (ec) return std::nullopt;
    auto t = std::filesystem::last_write_time(p, ec);
    if (ec) return std::nullopt;
    return Stat{size, static_cast<long long>(t.time_since_epoch().count())};
}

}  // namespace

PchStore::PchStore(std::filesystem::path dir, std::set<std::string> headers, std::filesystem::path root, RunFn run)
    : dir_(std::move(dir)), headers_(std::move(headers)), root_(std::move(root)), run_(std::move(run)) {}

std::optional<std::string> PchStore::header_for(const std::vector<std::string>& lines) const {
    auto h = leading_include(lines);
    if (h && headers_.count(*h)) return h;
    return std::nullopt;
}

std::optional<Pch> PchStore::get(const std::string& header, const Compiler& compiler,
                                 const std::vector<std::string>& flags, const std::string& identity) {
    Hasher h;
    h.add("pch set").add(identity).add(header).add(root_.string());
    for (const auto& f : flags) h.add(f);
    const std::string key = h.hex();
    std::shared_ptr<Slot> slot;
    {
        auto slots = slots_.lock();
        auto& s = (*slots)[key];
        if (!s) s = std::make_shared<Slot>();
        slot = s;
    }
    std::call_once(slot->once,
                   [&] { slot->pch = load_or_build(header, compiler, flags, dir_ / key.substr(0, 24)); });
    return slot->pch;
}

// dir/pch.hpp          the stub: #include <HEADER>
// dir/pch.hpp.gch      GCC's PCH (found through -include dir/pch.hpp), or dir/pch.pch for Clang
// dir/manifest.json    {"ok": bool, "deps": [[path, size, mtime], ...], "pch": [size, mtime]}:
//                      valid while every dep and the PCH file itself are unchanged
std::optional<Pch> PchStore::load_or_build(const std::string& header, const Compiler& compiler,
                                           const std::vector<std::string>& flags, const std::filesystem::path& dir) {
    const bool gcc = compiler.family == Family::gcc;
    const auto stub = dir / "pch.hpp";
    const auto pch_file = gcc ? dir / "pch.hpp.gch" : dir / "pch.pch";
    const auto manifest_file = dir / "manifest.json";
    Pch pch;
    pch.use_args = gcc ? std::vector<std::string>{"-include", stub.string(), "-Winvalid-pch"}
                       : std::vector<std::string>{"-include-pch", pch_file.string()};

    // Other processes share the folder: the first to take the lock builds, the
    // rest wait and then reuse what it built.
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return std::nullopt;
    const FileLock lock(dir / "lock");

    // Reuse: the manifest's deps all have the size and time they had.
    if (auto text = read_file(manifest_file)) {
        try {
            auto j = nlohmann::json::parse(*text);
            // A build that read nothing proves nothing: rebuild rather than trust its "ok".
            bool valid = !j.at("deps").empty();
            std::vector<std::string> deps;
            for (const auto& d : j.at("deps")) {
                auto path = d.at(0).get<std::string>();
                auto now = stat_of(root_ / path);
                if (!now || !(*now == Stat{d.at(1).get<std::uintmax_t>(), d.at(2).get<long long>()})) {
                    valid = false;
                    break;
                }
                deps.push_back(path);
            }
            if (valid && !j.at("ok").get<bool>()) return std::nullopt;
            // The PCH must be the file the build wrote: a truncated or replaced one is built again.
            const auto& written = j.at("pch");
            if (valid && stat_of(pch_file) == Stat{written.at(0).get<std::uintmax_t>(), written.at(1).get<long long>()} &&
                read_file(stub)) {
                pch.deps = std::move(deps);
                return pch;
            }
        } catch (const nlohmann::json::exception&) {
            // A damaged manifest: build again.
        }
    }

    const auto suffix = unique_suffix();
    if (!write_file(stub, fmt::format("#include <{}>\n", header))) return std::nullopt;
    const auto tmp_out = pch_file.string() + suffix;
    const auto depfile = dir / ("deps" + suffix + ".d");
    auto result = run_(pch_command(compiler, flags, stub, tmp_out, depfile, root_));
    if (stop_requested()) {  // the build may have been killed: record nothing, the next run builds it
        std::filesystem::remove(tmp_out, ec);
        std::filesystem::remove(depfile, ec);
        return std::nullopt;
    }
    const bool ok = result.outcome == Outcome::exited && result.exit_code == 0 && trim(result.err).empty();
    std::vector<std::string> deps;
    if (auto d = read_file(depfile)) {
        for (auto& p : parse_depfile(*d)) {
            auto rel = std::filesystem::path(p).lexically_normal();
            if (rel.is_absolute()) rel = relative_to_root(root_, rel);
            // The stub lives in the cache: not an input of the cases.
            if ((root_ / rel).lexically_normal() == stub.lexically_normal()) continue;
            deps.push_back(rel.string());
        }
    }
    std::filesystem::remove(depfile, ec);
    nlohmann::json manifest;
    manifest["ok"] = ok && !deps.empty();
    manifest["deps"] = nlohmann::json::array();
    manifest["compiler_said"] = result.err;
    for (const auto& d : deps)
        if (auto s = stat_of(root_ / d)) manifest["deps"].push_back({d, s->size, s->mtime});
    if (ok && !deps.empty()) {
        std::filesystem::rename(tmp_out, pch_file, ec);
        if (ec) {
            std::filesystem::remove(tmp_out, ec);
            return std::nullopt;
        }
        if (auto st = stat_of(pch_file)) manifest["pch"] = {st->size, st->mtime};
    } else {
        std::filesystem::remove(tmp_out, ec);
    }
    write_file(manifest_file, manifest.dump());
    if (!ok || deps.empty()) return std::nullopt;
    pch.deps = std::move(deps);
    return pch;
}

}  // namespace fearless::check
