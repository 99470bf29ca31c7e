#include "cache/deps.hpp"

#include <set>

#include "cache/hash.hpp"

namespace fearless::check {

std::vector<std::string> parse_depfile(std::string_view text) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    std::string word;
    bool target_done = false;
    auto flush = [&] {
        if (word.empty()) return;
        if (!target_done) {
            // The target ends with ':' (possibly as its own word).
            if (word.back() == ':') target_done = true;
        } else if (seen.insert(word).second) {
            out.push_back(word);
        }
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (ch == '\\' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
            flush();
            ++i;
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (ch == '\\' && i + 1 < text.size() && text[i + 1] == ' ') {
            word += ' ';
            ++i;
        } else if (ch == '$' && i + 1 < text.size() && text[i + 1] == '$') {
            word += '$';
            ++i;
        } else if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            flush();
            // A new line without a continuation starts a new rule (e.g. -MP phony targets): stop.
            if (ch == '\n' && target_done) break;
        } else {
            word += ch;
        }
    }
    flush();
    return out;
}

std::string FileHashes::hash(const std::string& path) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = hashes_.find(path); it != hashes_.end()) return it->second;
    }
    auto h = hash_file(root_ / path).value_or("-");
    std::lock_guard lock(mutex_);
    return hashes_.emplace(path, h).first->second;
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
