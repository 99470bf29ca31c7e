#include "app/book_command.hpp"

#include <fmt/format.h>

#include "book/explain.hpp"
#include "book/html.hpp"
#include "book/page.hpp"

namespace fearless::check {

int run_book_command(const Options& o, std::ostream& out, std::ostream& err, Terminal terminal) {
    auto book = build_book({o.root, o.cases_dir, o.expected_dir, rust_listings_dir,
                            o.explain.empty() ? o.paths : std::vector<std::string>{}, o.filter});
    for (const auto& p : book.problems) err << "fearless-check: " << p << '\n';
    if (!o.explain.empty()) {
        const Page* page = find_page(book, o.explain);
        if (!page) {
            err << fmt::format("fearless-check: --explain {}: no such case (give its file, topic/name or name)\n",
                               o.explain);
            return 2;
        }
        out << explain_page(*page, terminal.colour);
        return 0;
    }
    auto errors = write_book_html(book, *o.book);
    for (const auto& e : errors) err << "fearless-check: " << e << '\n';
    if (!errors.empty()) return 2;
    out << fmt::format("book: {} pages in {} chapters, {}\n", book.pages.size(), book.chapters.size(),
                       (*o.book / "index.html").lexically_relative(o.root).generic_string());
    return book.problems.empty() ? 0 : 1;
}

}  // namespace fearless::check
