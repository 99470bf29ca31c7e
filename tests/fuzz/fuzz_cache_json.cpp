// The readers of what earlier runs left on disk: a result cache entry and a
// Make-style dependency file. Property: an entry that reads back is written
// out and read again unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cache/result_cache.hpp"
#include "run/depfile.hpp"

using namespace fearless::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)parse_depfile(text);
    auto job = cached_job_from_json(text);
    if (!job) return 0;
    const auto written = cached_job_to_json(*job);
    auto again = cached_job_from_json(written);
    if (!again || cached_job_to_json(*again) != written) std::abort();
    return 0;
}
