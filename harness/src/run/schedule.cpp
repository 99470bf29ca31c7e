#include "run/schedule.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace fearless::check {

std::string timing_key(const Case& c, const Compiler& compiler) {
    return c.id + "|" + compiler.label;
}

std::vector<std::size_t> schedule_jobs(const std::vector<Job>& jobs, const std::vector<Case>& cases,
                                       const std::vector<Compiler>& compilers,
                                       const std::map<std::string, long long>& timings) {
    // (class, -ms): class 0 skip, 1 unknown time, 2 known time; within unknown, a guess by mode.
    auto rank = [&](std::size_t i) {
        const Job& j = jobs[i];
        if (!j.skip_reason.empty()) return std::tuple<int, long long>{0, 0};
        const Case& c = cases[j.case_index];
        auto it = timings.find(timing_key(c, compilers[j.compiler_index]));
        if (it != timings.end()) return std::tuple<int, long long>{2, -it->second};
        long long guess = 1;
        if (c.mode && traits(*c.mode).runs)
            guess = 3;
        else if (c.mode && traits(*c.mode).rejected)
            guess = 2;
        return std::tuple<int, long long>{1, -guess};
    };
    std::vector<std::size_t> order(jobs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    return order;
}

}  // namespace fearless::check
