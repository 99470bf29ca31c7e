//@ run-pass
// Ids of one kind compare as their values do.
#include <outside/strong_id.hpp>

#include <cstdio>

struct user_tag {};
using user_id = outside::strong_id<user_tag>;

int main() {
    user_id a{7}, b{7}, c{8};
    std::printf("7 == 7: %d\n7 == 8: %d\n", a == b, a == c);
}
