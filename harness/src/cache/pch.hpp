// Precompiled headers: one per compiler and flag set, built on first use in a
// run and kept in the cache folder for later runs while what it read is
// unchanged.
//
// Which cases get one: those whose first directive, with only blank lines and
// `//` comments above it, is `#include <HEADER>` for the run's PCH header. For
// them `-include HEADER` (through the PCH) changes nothing: the case's own
// include of it is then skipped by its guard. Any other case compiles as it
// stands, so it never sees declarations it did not include.
//
// HEADER is `--pch` / the "pch" config key; "auto" (the default) picks the
// leading include most cases share; "none" turns PCHs off.
//
// GCC silently ignores a .gch built with other flags, so it is built with
// exactly the job's flags and used with -Winvalid-pch; Clang gets
// -include-pch. A PCH whose build printed anything (say a warning that
// -Werror= turns into an error inside the header) is not used: a diagnostic
// must never move from the case's compile to the PCH's. The runner retries a
// job without its PCH when the compiler rejected it (pch_rejected).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fearless/mutex.hpp>

#include "case/case.hpp"
#include "run/compiler.hpp"
#include "run/process/process.hpp"

namespace fearless::check {

// `<name>` of the case's first directive when it is an angle include with only
// blank lines and `//` comments above it. Pure.
std::optional<std::string> leading_include(const std::vector<std::string>& lines);

// The leading include most well-formed cases share (at least two of them). Pure.
std::optional<std::string> most_common_leading_include(const std::vector<Case>& cases);

// A usable precompiled header.
struct Pch {
    std::vector<std::string> use_args;  // e.g. -include DIR/pch.hpp -Winvalid-pch, or -include-pch DIR/pch.pch
    std::vector<std::string> deps;      // what building it read (depfile), relative to the root when under it
};

// Builds PCHs on demand; thread-safe: the first job of a set builds it, the
// others of that set wait for it.
class PchStore {
  public:
    // `run` starts the PCH build command (the runner's job); `root` is the compilers' working directory.
    using RunFn = std::function<ProcessResult(const Command&)>;
    PchStore(std::filesystem::path dir, std::string header, std::filesystem::path root, RunFn run);

    const std::string& header() const { return header_; }

    // `flags`: the job's exact compile flags; `identity`: the compiler's identity text.
    // nullopt: this set gets no PCH (its build failed or printed diagnostics).
    std::optional<Pch> get(const Compiler& compiler, const std::vector<std::string>& flags,
                           const std::string& identity);

  private:
    struct Slot {
        std::once_flag once;
        std::optional<Pch> pch;
    };
    std::optional<Pch> load_or_build(const Compiler& compiler, const std::vector<std::string>& flags,
                                     const std::filesystem::path& dir);

    std::filesystem::path dir_;
    std::string header_;
    std::filesystem::path root_;
    RunFn run_;
    fearless::Mutex<std::map<std::string, std::shared_ptr<Slot>>> slots_;  // one per compiler and flag set
};

}  // namespace fearless::check
