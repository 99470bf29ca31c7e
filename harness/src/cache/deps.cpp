#include "cache/deps.hpp"

#include "cache/hash.hpp"

namespace fearless::check {

std::string FileHashes::hash(const std::string& path) {
    {
        auto hashes = hashes_.lock();
        if (auto it = hashes->find(path); it != hashes->end()) return it->second;
    }
    auto h = hash_file(root_ / path).value_or("-");
    return hashes_.lock()->emplace(path, h).first->second;
}

bool FileHashes::unchanged(const std::vector<Dependency>& deps) {
    for (const auto& d : deps)
        if (d.hash == "-" || hash(d.path) != d.hash) return false;
    return true;
}

std::vector<Dependency> FileHashes::snapshot(const std::vector<std::string>& paths) {
    std::vector<Dependency> out;
    out.reserve(paths.size());
    for (const auto& p : paths) out.push_back(Dependency{p, hash(p)});
    return out;
}

}  // namespace fearless::check
