// fearless-check: see --help, and SPEC §5–6.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

#include <unistd.h>

#include "app/app.hpp"
#include "app/book_command.hpp"
#include "app/interrupt.hpp"
#include "app/merge_command.hpp"
#include "app/options.hpp"
#include "report/term.hpp"

int main(int argc, char** argv) {
    using namespace fearless::check;
    handle_interrupts();
    try {
        auto parsed = parse_command_line(argc, argv, std::filesystem::current_path());
        std::cout << parsed.out;
        std::cerr << parsed.err;
        if (!parsed.options) return parsed.exit_code;
        const char* actions = std::getenv("GITHUB_ACTIONS");
        const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
        const bool github = actions && std::string_view(actions) == "true";
        Terminal terminal{colour_wanted(STDOUT_FILENO), is_terminal(STDOUT_FILENO), github,
                          github && summary ? summary : ""};
        if (parsed.options->merge_reports) return run_merge_command(*parsed.options, std::cout, std::cerr, terminal);
        if (parsed.options->book || !parsed.options->explain.empty())
            return run_book_command(*parsed.options, std::cout, std::cerr, terminal);
        return run_suite(*parsed.options, std::cout, std::cerr, terminal);
    } catch (const std::exception& e) {
        std::cerr << "fearless-check: internal error: " << e.what() << '\n';
        return 2;
    }
}
