#include "app/merge_command.hpp"

#include <fmt/format.h>

#include "app/report_files.hpp"
#include "report/console.hpp"
#include "report/merge.hpp"
#include "util/file.hpp"

namespace fearless::check {

int run_merge_command(const Options& o, std::ostream& out, std::ostream& err, Terminal terminal) {
    if (o.paths.empty()) {
        err << "fearless-check: --merge-reports needs the shards' --json reports as PATHs\n";
        return 2;
    }
    std::vector<LoadedReport> reports;
    for (const auto& p : o.paths) {
        auto text = read_file(o.root / p);
        if (!text) {
            err << fmt::format("fearless-check: {}: cannot read the report\n", p);
            return 2;
        }
        try {
            reports.push_back(read_json_report(*text, p));
        } catch (const ReportError& e) {
            err << "fearless-check: " << e.what() << '\n';
            return 2;
        }
    }
    const auto merged = merge_reports(reports);
    ConsoleReporter console(out, ConsoleStyle{terminal.colour, false, o.verbose});
    for (const auto& r : merged.results) console.result(r);
    const auto summary = summarize(merged.results);
    console.finish(summary);
    int status = summary.failed ? 1 : 0;
    for (const auto& p : merged.problems) err << "fearless-check: " << p << '\n';
    if (!merged.problems.empty()) status = 2;
    if (!write_report_files(o, merged.results, merged.total, {}, err)) status = 2;
    return status;
}

}  // namespace fearless::check
