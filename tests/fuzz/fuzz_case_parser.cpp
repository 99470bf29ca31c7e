// The case parser (revisions, directives and annotations) and the control
// source on any bytes. Properties beyond "no crash", for each revision: every
// annotation with a line targets a line of the file, and the control source
// keeps the line count.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "case/case.hpp"
#include "case/control.hpp"
#include "case/revisions.hpp"
#include "util/text.hpp"

using namespace fearless::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    Case identity;
    identity.file = "cases/t/x.cpp";
    identity.id = "t/x";
    identity.display = "cases/t/x.cpp";
    for (const Case& c : parse_cases(text, identity)) {
        for (const auto& a : c.annotations) {
            if (a.anywhere) continue;  // `//~?`: no line of its own
            if (a.line < 1 || a.line > static_cast<int>(c.lines.size())) std::abort();
            if (!c.verify_style && a.written_on < a.line) std::abort();  // `//~^` points up; -verify's `@+N` down
        }
        if (c.malformed()) continue;
        if (split_lines(control_source(c)).size() > c.lines.size()) std::abort();
    }
    return 0;
}
