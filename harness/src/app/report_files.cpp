#include "app/report_files.hpp"

#include "report/files.hpp"
#include "util/file.hpp"

namespace fearless::check {

bool write_report_files(const Options& o, const std::vector<Result>& results, std::chrono::milliseconds total,
                        std::string_view shard, std::ostream& err) {
    bool ok = true;
    auto write_report = [&](const std::optional<std::filesystem::path>& path, const std::string& text) {
        if (!path) return;
        std::string e;
        if (!write_file(o.root / *path, text, &e)) {
            err << "fearless-check: " << e << '\n';
            ok = false;
        }
    };
    write_report(o.junit, junit_report(results, total));
    write_report(o.json, json_report(results, total, shard));
    return ok;
}

}  // namespace fearless::check
