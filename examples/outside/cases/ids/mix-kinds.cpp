//@ compile-fail
// A user id and an order id are both numbers, but comparing them is a bug.
#include <outside/strong_id.hpp>

struct user_tag {};
struct order_tag {};
using user_id = outside::strong_id<user_tag>;
using order_id = outside::strong_id<order_tag>;

int main() {
    user_id u{7};
    order_id o{7};
    return u == o; //~ ERROR ids of different kinds cannot be compared
}
