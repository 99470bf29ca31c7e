// Precompiled headers: one per compiler and flag set, built on first use in a
// run and kept in the cache folder for later runs while what it read is
// unchanged.
//
// Which cases get one: those whose first directive, with only blank lines and
// `//` comments above it, is `#include <HEADER>` for one of the run's PCH
// headers; each such case gets the PCH of its own leading include. For them
// `-include HEADER` (through the PCH) changes nothing: the case's own include
// of it is then skipped by its guard. Any other case compiles as it stands,
// so it never sees declarations it did not include.
//
// The headers: `--pch HEADER` / the "pch" config key names one; "auto" (the
// default) takes every leading include that at least two cases share; "none"
// turns PCHs off.
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
#include <set>
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

// Every leading include that at least two well-formed cases share. Pure.
std::set<std::string> shared_leading_includes(const std::vector<Case>& cases);

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
    PchStore(std::filesystem::path dir, std::set<std::string> headers, std::filesystem::path root, RunFn run);

    // The header of the PCH that a case with these lines uses, if any: its leading include, when it is one of ours.
    std::optional<std::string> header_for(const std::vector<std::string>& lines) const;

    // `flags`: the job's exact compile flags; `identity`: the compiler's identity text.
    // nullopt: this set gets no PCH (its build failed or printed diagnostics).
    std::optional<Pch> get(const std::string& header, const Compiler& compiler, const std::vector<std::string>& flags,
                           const std::string& identity);

  private:
    struct Slot {
        std::once_flag once;
        std::optional<Pch> pch;
    };
    std::optional<Pch> load_or_build(const std::string& header, const Compiler& compiler,
                                     const std::vector<std::string>& flags, const std::filesystem::path& dir);

    std::filesystem::path dir_;
    std::set<std::string> headers_;
    std::filesystem::path root_;
    RunFn run_;
    fearless::Mutex<std::map<std::string, std::shared_ptr<Slot>>> slots_;  // one per header, compiler and flag set
};

}  // namespace fearless::check
