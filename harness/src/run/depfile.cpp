#include "run/depfile.hpp"

#include <set>

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

}  // namespace fearless::check
