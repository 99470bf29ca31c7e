// What judging one job decided: the one verdict type the reporters and the
// result cache see (no dependency on how it was judged).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "verdict/status.hpp"

namespace fearless::check {

struct Verdict {
    Status status = Status::fail;
    std::string reason;                        // one line: why it failed (or a note on a pass)
    std::string details;                       // diff, problems, what the compiler said
    int line = 0;                              // the case line a failure is about (0: the whole case)
    std::optional<std::string> actual_stderr;  // the normalized snapshot (compile-fail)
    std::optional<std::string> actual_stdout;  // what --bless would write (run cases)
    // The only thing wrong is the expected file (missing or different): --bless fixes it.
    bool expectation_only = false;
    std::optional<std::filesystem::path> would_be;  // the expected file whose content --bless would write
    std::string would_be_text;
};

}  // namespace fearless::check
