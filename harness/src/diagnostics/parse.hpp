// Compiler output → diagnostic records (GCC and Clang, any version).
//
// One parser reads both families: they share `file:line:col: severity: message`
// and differ in where the instantiation chain goes. GCC prints it *before* the
// error ("In instantiation of ...", "file:l:c:   required from here"); Clang
// prints it *after*, as notes ("note: in instantiation of ... requested here").
// Either way it ends up in Diagnostic::chain, innermost frame first, so that
// later stages need not know which compiler spoke.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fearless::check {

enum class Severity { note, warning, error, fatal };

struct Location {
    std::string file;  // as printed; empty when the diagnostic has no location ("cc1plus: error: ...")
    int line = 0;
    int column = 0;
    bool operator==(const Location&) const = default;
};

// One step of an instantiation chain: where something was required from.
struct Frame {
    Location at;
    std::string text;  // "required from here", "in instantiation of function template ... requested here"
};

struct Diagnostic {
    Severity severity = Severity::error;
    Location at;
    std::string message;
    std::string source_line;        // the source line the compiler echoed under it, if any
    std::vector<Frame> chain;       // innermost first
    std::vector<Diagnostic> notes;  // the notes that followed it (chain notes are in `chain`)
};

std::string_view severity_name(Severity s);

// Top-level diagnostics (errors and warnings, each with its notes) in the order printed.
std::vector<Diagnostic> parse_diagnostics(std::string_view compiler_output);

// True for an internal compiler error or a crashed compiler front end.
bool reports_compiler_crash(std::string_view compiler_output);

}  // namespace fearless::check
