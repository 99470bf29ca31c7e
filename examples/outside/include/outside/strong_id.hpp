// strong_id<Tag>: an integer id that knows what it identifies.
//
//     struct user_tag {};  using user_id = outside::strong_id<user_tag>;
//     user_id u{7};        // explicit: a bare int is not an id
//     u == user_id{7};     // ids of one kind compare
//     u == order_id{7};    // does not compile: ids of different kinds never compare
#pragma once

#include <cstdint>

namespace outside {

template <class>
inline constexpr bool never = false;

template <class Tag>
class strong_id {
  public:
    constexpr explicit strong_id(std::uint64_t value) : value_(value) {}
    constexpr std::uint64_t value() const { return value_; }

    constexpr bool operator==(const strong_id&) const = default;
    template <class OtherTag>
    constexpr bool operator==(const strong_id<OtherTag>&) const {
        static_assert(never<OtherTag>, "outside: ids of different kinds cannot be compared");
        return false;
    }

  private:
    std::uint64_t value_;
};

}  // namespace outside
