// Compiler output → records → attribution → normalization → snapshot, on any
// bytes (seeded with the captured GCC and Clang outputs). Property:
// normalizing twice gives what normalizing once gives.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "diagnostics/attribute.hpp"
#include "diagnostics/normalize.hpp"
#include "diagnostics/parse.hpp"
#include "diagnostics/render.hpp"
#include "util/text.hpp"

using namespace fearless::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view output(reinterpret_cast<const char*>(data), size);
    (void)reports_compiler_crash(output);
    const auto diags = parse_diagnostics(output);
    const std::filesystem::path root = "/proj";
    const NormalizeContext ctx{root};
    const auto once = normalize(attribute(diags, "cases/t/x.cpp", root), ctx);
    const auto twice = normalize(once, ctx);
    // The case's own lines: whatever the output says, a few lines of text to render from.
    const std::vector<std::string> lines = {"#include <x.hpp>", "int main() {", "    f(1);", "}"};
    const auto a = render_snapshot(once, lines), b = render_snapshot(twice, lines);
    if (a != b) {
        std::fprintf(stderr, "normalizing twice differs:\n--- once\n%s--- twice\n%s", a.c_str(), b.c_str());
        std::abort();
    }
    return 0;
}
