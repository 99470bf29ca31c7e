#include "case/folder_config.hpp"

#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/file.hpp"

namespace fearless::check {

FolderConfig parse_folder_config(const std::string& json_text, const std::string& file_name) {
    FolderConfig c;
    c.file = file_name;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        c.problem = fmt::format("{}: not valid JSON: {}", file_name, e.what());
        return c;
    }
    if (!j.is_object()) {
        c.problem = fmt::format("{}: expected a JSON object", file_name);
        return c;
    }
    for (const auto& [key, v] : j.items()) {
        if (key == "annotations") {
            if (v == "verify")
                c.verify = true;
            else if (v != "rustc")
                c.problem = fmt::format("{}: \"annotations\" must be \"verify\" or \"rustc\"", file_name);
        } else if (key == "verify_prefixes") {
            if (!v.is_array()) c.problem = fmt::format("{}: \"verify_prefixes\" must be a list of strings", file_name);
            for (const auto& p : v) {
                if (!p.is_string() || p.get<std::string>().empty() ||
                    !std::isalpha(static_cast<unsigned char>(p.get<std::string>()[0])))
                    c.problem = fmt::format("{}: \"verify_prefixes\": each must start with a letter", file_name);
                else
                    c.verify_prefixes.push_back(p.get<std::string>());
            }
        } else {
            c.problem = fmt::format(
                "{}: unknown key \"{}\" (a cases folder's config knows: annotations, verify_prefixes)", file_name, key);
        }
    }
    return c;
}

FolderConfig folder_config_for(const std::filesystem::path& root, const std::filesystem::path& cases_dir,
                               const std::filesystem::path& case_file) {
    const auto top = (root / cases_dir).lexically_normal();
    auto dir = (root / case_file).lexically_normal().parent_path();
    for (;;) {
        // The project root's file is the project's config, not a folder's.
        if (dir == root.lexically_normal()) break;
        auto candidate = dir / "fearless-check.json";
        if (auto text = read_file(candidate))
            return parse_folder_config(*text, candidate.lexically_relative(root).generic_string());
        if (dir == top || !dir.has_parent_path() || dir.parent_path() == dir) break;
        dir = dir.parent_path();
    }
    return {};
}

}  // namespace fearless::check
