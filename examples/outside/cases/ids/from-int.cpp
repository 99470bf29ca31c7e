//@ compile-fail
// A bare number is not an id: say which kind it is.
#include <outside/strong_id.hpp>

struct user_tag {};
using user_id = outside::strong_id<user_tag>;

int main() {
    user_id u = 42; //~ ERROR conversion
    return 0;
}
