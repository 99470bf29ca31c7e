// The chrono vocabulary the library needs (durations, steady_clock), without
// the calendar, time-zone and I/O parts of <chrono>: in libstdc++ 12 those pull
// in <sstream> and cost every translation unit that includes fearless about a
// tenth of its compile time.
#pragma once

#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif
