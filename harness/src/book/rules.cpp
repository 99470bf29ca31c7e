#include "book/rules.hpp"

namespace fearless::check {

const std::vector<Rule>& book_rules() {
    static const std::vector<Rule> rules = {
        {"not-send",
         "cannot be sent between threads safely",
         "A value that is not Send handed to a thread: a spawn argument or return value, an Arc of a non-Sync "
         "type, a guard, at any depth.",
         {"cannot be sent between threads safely"}},
        {"not-sync",
         "cannot be shared between threads safely",
         "A shared borrow of a non-Sync value handed to a scoped thread, at any depth.",
         {"cannot be shared between threads safely"}},
        {"may-outlive",
         "may outlive",
         "A borrow (std::ref, std::cref, a pointer, string_view, span, an iterator, anything holding a reference) "
         "handed to an unscoped thread, or returned from any thread.",
         {"may outlive"}},
        {"captures", "captures", "A capturing lambda handed to spawn, scoped or not.", {"captures"}},
        {"takes-ownership",
         "takes ownership",
         "An lvalue where ownership moves: a spawn argument, send.",
         {"takes ownership"}},
        {"single-consumer", "single consumer", "Copying a Receiver.", {"single consumer"}},
        {"cannot-be-copied",
         "cannot be copied / cannot be moved",
         "Copying or moving a Mutex; copying an Rc or Arc.",
         {"cannot be copied", "cannot be moved"}},
        {"lock", "lock()", "Reaching the data of a Mutex without lock().", {"lock()"}},
        {"type-annotations",
         "type annotations needed",
         "mpsc::channel() with no message type.",
         {"type annotations needed"}},
        {"cannot-borrow", "cannot borrow", "A mutable borrow (std::ref) handed to a scoped thread.", {"cannot borrow"}},
        {"cannot-see-inside",
         "cannot see inside",
         "A type the library cannot see into, handed to a thread: the error names the declaration to write.",
         {"cannot see inside"}},
        {"use-after-send",
         "used after it was moved",
         "Using a value after it was sent or moved: no C++ compile error, so clang-tidy's bugprone-use-after-move "
         "and Clang's -Wconsumed check it.",
         {"used after it was moved", "in the 'consumed' state"}},
        {"dangling",
         "will be destroyed at the end of the full-expression",
         "A pointer or reference into a guard or temporary that dies first, caught by Clang's lifetime analysis.",
         {"will be destroyed at the end of the full-expression"}},
        {"other", "other errors", "Errors whose words no rule above names.", {}},
        {"valid",
         "programs that compile and run",
         "Valid programs: each mistake's fixed twin and the listings that "
         "work, proven to compile, run and print what they should.",
         {}},
    };
    return rules;
}

const Rule& rule_of(const Case& c) {
    const auto& rules = book_rules();
    if (c.annotations.empty()) return rules.back();
    for (const auto& a : c.annotations)
        for (const auto& r : rules)
            for (const auto& p : r.phrases)
                if (a.text.find(p) != std::string::npos) return r;
    return rules[rules.size() - 2];
}

}  // namespace fearless::check
