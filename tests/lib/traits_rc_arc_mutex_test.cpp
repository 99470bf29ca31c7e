// The Send/Sync rules of Rc, Arc, Mutex, MutexGuard, Cell, RefCell and the
// borrow guards, plus what can be copied and moved, checked at compile time:
// this file compiling is the test. Each row is Rust's own impl.
#include <fearless/arc.hpp>
#include <fearless/cell.hpp>
#include <fearless/marker.hpp>
#include <fearless/mutex.hpp>
#include <fearless/rc.hpp>

#include <atomic>
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

using namespace fearless;

// Aggregates with external linkage: marker.hpp's field reflection fails on
// aggregates in an anonymous namespace (Clang) or local to a function.
namespace traits_rc_arc_mutex {
struct Shared {
  Arc<Mutex<int>> counter;
  int id;
};
struct Local {
  Rc<int> counter;
  int id;
};
struct Counting {
  Arc<Cell<int>> counter;
};
}  // namespace traits_rc_arc_mutex

namespace {

using detail::blame;

template <class T>
constexpr blame send_why = detail::send_eval<T>::why;
template <class T>
constexpr blame sync_why = detail::sync_eval<T>::why;
template <class T>
using send_culprit = typename detail::send_eval<T>::culprit;

// Rc<T>: neither, whatever T is.
static_assert(!Send<Rc<int>> && !Sync<Rc<int>>);
static_assert(!Send<Rc<Mutex<int>>> && !Sync<Rc<Mutex<int>>>);
static_assert(!Send<const Rc<int>>);
static_assert(send_why<Rc<int>> == blame::rc && sync_why<Rc<int>> == blame::rc);

// Arc<T>: both iff T is Send and Sync.
static_assert(Send<Arc<int>> && Sync<Arc<int>>);
static_assert(Send<Arc<std::string>> && Sync<Arc<std::string>>);
static_assert(Send<Arc<Mutex<int>>> && Sync<Arc<Mutex<int>>>);
static_assert(Send<Arc<std::atomic<int>>> && Sync<Arc<std::atomic<int>>>);
static_assert(Send<Arc<Arc<Mutex<int>>>> && Sync<Arc<Arc<Mutex<int>>>>);
static_assert(!Send<Arc<Cell<int>>> && !Sync<Arc<Cell<int>>>);     // Cell is Send, not Sync
static_assert(!Send<Arc<RefCell<int>>> && !Sync<Arc<RefCell<int>>>);
static_assert(!Send<Arc<Rc<int>>> && !Sync<Arc<Rc<int>>>);
static_assert(!Send<Arc<MutexGuard<int>>>);                         // guard is Sync, not Send
static_assert(Send<Arc<Mutex<Cell<int>>>>);                         // the Mutex makes Cell shareable
static_assert(send_why<Arc<Cell<int>>> == blame::interior_mutability);
static_assert(std::is_same_v<send_culprit<Arc<Cell<int>>>, Cell<int>>);
static_assert(send_why<Arc<Rc<int>>> == blame::rc);

// Mutex<T>: both iff T is Send.
static_assert(Send<Mutex<int>> && Sync<Mutex<int>>);
static_assert(Send<Mutex<std::vector<std::string>>> && Sync<Mutex<std::vector<std::string>>>);
static_assert(Send<Mutex<Cell<int>>> && Sync<Mutex<Cell<int>>>);
static_assert(Send<Mutex<RefCell<int>>> && Sync<Mutex<RefCell<int>>>);
static_assert(!Send<Mutex<Rc<int>>> && !Sync<Mutex<Rc<int>>>);
static_assert(send_why<Mutex<Rc<int>>> == blame::rc);
static_assert(Send<std::unique_ptr<Mutex<int>>> && Sync<std::unique_ptr<Mutex<int>>>);

// MutexGuard<T>: never Send; Sync iff T is Sync.
static_assert(!Send<MutexGuard<int>> && Sync<MutexGuard<int>>);
static_assert(!Sync<MutexGuard<Cell<int>>>);
static_assert(send_why<MutexGuard<int>> == blame::guard);
static_assert(!Send<std::optional<MutexGuard<int>>>);

// Cell<T> and RefCell<T>: Send iff T is Send; never Sync.
static_assert(Send<Cell<int>> && !Sync<Cell<int>>);
static_assert(Send<RefCell<std::string>> && !Sync<RefCell<std::string>>);
static_assert(!Send<Cell<Rc<int>>> && !Send<RefCell<Rc<int>>>);
static_assert(sync_why<Cell<int>> == blame::interior_mutability);
static_assert(sync_why<RefCell<int>> == blame::interior_mutability);
static_assert(!Sync<const Cell<int>>);

// The RefCell guards: neither.
static_assert(!Send<Ref<int>> && !Sync<Ref<int>>);
static_assert(!Send<RefMut<int>> && !Sync<RefMut<int>>);

// Derived types: containers and aggregates follow their elements.
using namespace traits_rc_arc_mutex;
static_assert(Send<Shared> && Sync<Shared>);
static_assert(!Send<Local> && !Sync<Local>);
static_assert(!Send<Counting>);
static_assert(Send<std::vector<Arc<int>>>);
static_assert(!Send<std::vector<Rc<int>>>);
static_assert(Send<std::vector<Shared>>);

// Ownership: Rc/Arc move but do not copy; Mutex does neither; guards move.
static_assert(!std::is_copy_constructible_v<Rc<int>> && !std::is_copy_assignable_v<Rc<int>>);
static_assert(std::is_nothrow_move_constructible_v<Rc<int>> && std::is_nothrow_move_assignable_v<Rc<int>>);
static_assert(!std::is_copy_constructible_v<Arc<int>> && !std::is_copy_assignable_v<Arc<int>>);
static_assert(std::is_nothrow_move_constructible_v<Arc<int>> && std::is_nothrow_move_assignable_v<Arc<int>>);
static_assert(!std::is_copy_constructible_v<Mutex<int>> && !std::is_move_constructible_v<Mutex<int>>);
static_assert(!std::is_copy_assignable_v<Mutex<int>> && !std::is_move_assignable_v<Mutex<int>>);
static_assert(!std::is_copy_constructible_v<MutexGuard<int>> && std::is_move_constructible_v<MutexGuard<int>>);
static_assert(!std::is_copy_constructible_v<Ref<int>> && std::is_move_constructible_v<Ref<int>>);
static_assert(!std::is_copy_constructible_v<RefMut<int>> && std::is_move_constructible_v<RefMut<int>>);
static_assert(std::is_copy_constructible_v<Cell<int>> && !std::is_copy_constructible_v<Cell<std::unique_ptr<int>>>);
static_assert(std::is_move_constructible_v<Cell<std::unique_ptr<int>>>);

// Shared handles give shared access; the Mutex guard gives exclusive access.
static_assert(std::is_same_v<decltype(*std::declval<Rc<int>&>()), const int&>);
static_assert(std::is_same_v<decltype(*std::declval<const Arc<int>&>()), const int&>);
static_assert(std::is_same_v<decltype(*std::declval<Arc<std::atomic<int>>&>()), std::atomic<int>&>);
static_assert(std::is_same_v<decltype(*std::declval<const Mutex<int>&>().lock()), int&>);
static_assert(std::is_same_v<decltype(*std::declval<const RefCell<int>&>().borrow()), const int&>);
static_assert(std::is_same_v<decltype(*std::declval<const RefCell<int>&>().borrow_mut()), int&>);

// Sizes.
static_assert(sizeof(Rc<int>) == sizeof(void*) && sizeof(Arc<int>) == sizeof(void*));
static_assert(sizeof(Mutex<int>) == 8);

}  // namespace

TEST_CASE("Send/Sync and ownership of Rc, Arc, Mutex, Cell, RefCell hold at compile time", "[traits]") {
  SUCCEED("checked by static_assert");
}
