#include "app/config.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fearless::check {

Config parse_config(std::string_view json_text, const std::string& file_name) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        throw ConfigError(fmt::format("{}: not valid JSON: {}", file_name, e.what()));
    }
    if (!j.is_object()) throw ConfigError(fmt::format("{}: expected a JSON object", file_name));
    Config c;
    auto string_of = [&](const std::string& key, const nlohmann::json& v) {
        if (!v.is_string()) throw ConfigError(fmt::format("{}: \"{}\" must be a string", file_name, key));
        return v.get<std::string>();
    };
    auto strings_of = [&](const std::string& key, const nlohmann::json& v) {
        if (v.is_string()) return std::vector<std::string>{v.get<std::string>()};
        if (!v.is_array()) throw ConfigError(fmt::format("{}: \"{}\" must be a list of strings", file_name, key));
        std::vector<std::string> out;
        for (const auto& x : v) out.push_back(string_of(key, x));
        return out;
    };
    for (const auto& [key, v] : j.items()) {
        if (key == "cases")
            c.cases = string_of(key, v);
        else if (key == "expected")
            c.expected = string_of(key, v);
        else if (key == "clang_tidy")
            c.clang_tidy = string_of(key, v);
        else if (key == "cache_dir")
            c.cache_dir = string_of(key, v);
        else if (key == "pch")
            c.pch = string_of(key, v);
        else if (key == "compilers")
            c.compilers = strings_of(key, v);
        else if (key == "include")
            c.include = strings_of(key, v);
        else if (key == "flags")
            c.flags = strings_of(key, v);
        else if (key == "timeout") {
            if (!v.is_number() || v.get<double>() <= 0)
                throw ConfigError(fmt::format("{}: \"timeout\" must be a positive number of seconds", file_name));
            c.timeout = v.get<double>();
        } else if (key == "jobs") {
            if (!v.is_number_unsigned() || v.get<unsigned>() == 0)
                throw ConfigError(fmt::format("{}: \"jobs\" must be a positive integer", file_name));
            c.jobs = v.get<unsigned>();
        } else {
            throw ConfigError(fmt::format(
                "{}: unknown key \"{}\" (known: cases, expected, compilers, include, flags, timeout, jobs, clang_tidy, cache_dir, pch)",
                file_name, key));
        }
    }
    return c;
}

}  // namespace fearless::check
