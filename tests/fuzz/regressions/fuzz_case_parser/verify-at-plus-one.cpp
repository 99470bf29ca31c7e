#include <mini/mini.hpp>
int main() {
    // expected-error@+1 {{cannot be sent between threads}}
    mini::send(3.5);
}
