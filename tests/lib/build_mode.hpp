// What kind of build the runtime tests run in, so stress tests can size their
// work, and the seed of the randomized tests.
#pragma once

#include <cstdint>
#include <cstdlib>

namespace fearless_test {

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
inline constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif
#else
inline constexpr bool sanitized = false;
#endif

// Built with the schedule fuzzing hook (include/fearless/detail/schedule_point.hpp).
#if defined(FEARLESS_SCHEDULE_FUZZ)
inline constexpr bool schedule_fuzzed = true;
#else
inline constexpr bool schedule_fuzzed = false;
#endif

// FEARLESS_SCHEDULE_SEED, read as the hook reads it (1 when unset), so one
// number replays both the random test scripts and the hook's decisions.
inline std::uint64_t test_seed() {
    const char* e = std::getenv("FEARLESS_SCHEDULE_SEED");
    char* end = nullptr;
    std::uint64_t v = e ? std::strtoull(e, &end, 10) : 0;
    return (e && *e && end && *end == '\0') ? v : 1;
}

// A positive whole number from the environment, or `fallback`.
inline long env_count(const char* name, long fallback) {
    const char* e = std::getenv(name);
    char* end = nullptr;
    long v = e ? std::strtol(e, &end, 10) : 0;
    return (e && *e && end && *end == '\0' && v > 0) ? v : fallback;
}

}  // namespace fearless_test
