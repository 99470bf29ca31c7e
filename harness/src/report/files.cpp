#include "report/files.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/text.hpp"

namespace fearless::check {

namespace {
double seconds(std::chrono::milliseconds ms) {
    return static_cast<double>(ms.count()) / 1000.0;
}
}  // namespace

std::string junit_report(const std::vector<Result>& results, std::chrono::milliseconds total) {
    auto s = summarize(results);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<testsuites name=\"fearless-check\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n",
        results.size(), s.failed, s.skipped, seconds(total));
    out += fmt::format(
        "  <testsuite name=\"fearless-check\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n",
        results.size(), s.failed, s.skipped, seconds(total));
    for (const auto& r : results) {
        out += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"", xml_escape(r.case_display),
                           xml_escape(r.compiler), seconds(r.duration));
        if (r.verdict.status == Status::pass) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        if (r.verdict.status == Status::skip)
            out += fmt::format("      <skipped message=\"{}\"/>\n", xml_escape(r.verdict.reason));
        else
            out += fmt::format("      <failure message=\"{}\">{}</failure>\n", xml_escape(r.verdict.reason),
                               xml_escape(r.verdict.details));
        out += "    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

std::string json_report(const std::vector<Result>& results, std::chrono::milliseconds total, std::string_view shard) {
    auto s = summarize(results);
    nlohmann::json j;
    j["summary"] = {{"passed", s.passed}, {"failed", s.failed}, {"skipped", s.skipped}, {"seconds", seconds(total)}};
    if (!shard.empty()) j["summary"]["shard"] = std::string(shard);
    j["results"] = nlohmann::json::array();
    for (const auto& r : results) {
        std::string status(status_name(r.verdict.status));
        for (auto& ch : status) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        j["results"].push_back({{"case", r.case_display},
                                {"compiler", r.compiler},
                                {"status", status},
                                {"reason", r.verdict.reason},
                                {"details", r.verdict.details},
                                {"seconds", seconds(r.duration)},
                                {"commands", r.commands}});
    }
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace fearless::check
