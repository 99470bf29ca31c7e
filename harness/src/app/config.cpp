#include "app/config.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/text.hpp"
#include "case/case.hpp"

namespace fearless::check {

namespace {

using nlohmann::json;

struct Reader {
    const std::string& file_name;

    std::string string_of(const std::string& key, const json& v) const {
        if (!v.is_string()) throw ConfigError(fmt::format("{}: \"{}\" must be a string", file_name, key));
        return v.get<std::string>();
    }
    std::vector<std::string> strings_of(const std::string& key, const json& v) const {
        if (v.is_string()) return std::vector<std::string>{v.get<std::string>()};
        if (!v.is_array()) throw ConfigError(fmt::format("{}: \"{}\" must be a list of strings", file_name, key));
        std::vector<std::string> out;
        for (const auto& x : v) out.push_back(string_of(key, x));
        return out;
    }
};

// Every key of the file: the parser and the "known:" message both read this table.
struct Key {
    std::string_view name;
    void (*read)(Config& c, const std::string& key, const json& v, const Reader& r);
};
constexpr Key keys[] = {
    {"cases", [](Config& c, const std::string& k, const json& v, const Reader& r) { c.cases = r.string_of(k, v); }},
    {"expected",
     [](Config& c, const std::string& k, const json& v, const Reader& r) { c.expected = r.string_of(k, v); }},
    {"compilers",
     [](Config& c, const std::string& k, const json& v, const Reader& r) { c.compilers = r.strings_of(k, v); }},
    {"include",
     [](Config& c, const std::string& k, const json& v, const Reader& r) { c.include = r.strings_of(k, v); }},
    {"flags", [](Config& c, const std::string& k, const json& v, const Reader& r) { c.flags = r.strings_of(k, v); }},
    {"timeout",
     [](Config& c, const std::string&, const json& v, const Reader& r) {
         if (!v.is_number() || v.get<double>() <= 0)
             throw ConfigError(fmt::format("{}: \"timeout\" must be a positive number of seconds", r.file_name));
         c.timeout = v.get<double>();
     }},
    {"jobs",
     [](Config& c, const std::string&, const json& v, const Reader& r) {
         if (!v.is_number_unsigned() || v.get<unsigned>() == 0)
             throw ConfigError(fmt::format("{}: \"jobs\" must be a positive integer", r.file_name));
         c.jobs = v.get<unsigned>();
     }},
    {"clang_tidy",
     [](Config& c, const std::string& k, const json& v, const Reader& r) { c.clang_tidy = r.string_of(k, v); }},
    {"cache_dir",
     [](Config& c, const std::string& k, const json& v, const Reader& r) { c.cache_dir = r.string_of(k, v); }},
    {"pch", [](Config& c, const std::string& k, const json& v, const Reader& r) { c.pch = r.string_of(k, v); }},
    {"launcher",
     [](Config& c, const std::string& k, const json& v, const Reader& r) {
         c.launcher = v.is_string() ? split_words(v.get<std::string>()) : r.strings_of(k, v);
     }},
    {"std",
     [](Config& c, const std::string& k, const json& v, const Reader& r) {
         auto s = r.string_of(k, v);
         if (!is_std_version(s))
             throw ConfigError(
                 fmt::format("{}: \"std\" must be a language standard like c++17, c++20, gnu++23", r.file_name));
         c.std_version = s;
     }},
    {"root", [](Config& c, const std::string& k, const json& v, const Reader& r) { c.root = r.string_of(k, v); }},
};

std::string known_keys() {
    std::string out;
    for (const auto& k : keys) out += (out.empty() ? "" : ", ") + std::string(k.name);
    return out;
}

}  // namespace

Config parse_config(std::string_view json_text, const std::string& file_name) {
    json j;
    try {
        j = json::parse(json_text);
    } catch (const json::parse_error& e) {
        throw ConfigError(fmt::format("{}: not valid JSON: {}", file_name, e.what()));
    }
    if (!j.is_object()) throw ConfigError(fmt::format("{}: expected a JSON object", file_name));
    Config c;
    const Reader reader{file_name};
    for (const auto& [key, v] : j.items()) {
        const Key* known = nullptr;
        for (const auto& k : keys)
            if (k.name == key) known = &k;
        if (!known) throw ConfigError(fmt::format("{}: unknown key \"{}\" (known: {})", file_name, key, known_keys()));
        known->read(c, key, v, reader);
    }
    return c;
}

}  // namespace fearless::check
