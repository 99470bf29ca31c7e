// Send/Sync of the thread and channel types, checked at compile time (the
// file compiling is the test), plus the shape of the API SPEC §3 promises.
#include <fearless/arc.hpp>
#include <fearless/cell.hpp>
#include <fearless/mpsc.hpp>
#include <fearless/mutex.hpp>
#include <fearless/rc.hpp>
#include <fearless/thread.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace fearless;

// Channel handles carry T across threads: Send iff T is.
static_assert(Send<mpsc::Sender<int>> && Send<mpsc::SyncSender<int>> && Send<mpsc::Receiver<int>>);
static_assert(Send<mpsc::Sender<std::string>> && Send<mpsc::Receiver<std::vector<std::string>>>);
static_assert(!Send<mpsc::Sender<Rc<int>>> && !Send<mpsc::SyncSender<Rc<int>>> && !Send<mpsc::Receiver<Rc<int>>>);
static_assert(Send<mpsc::Sender<Cell<int>>>);  // a Cell may move, just not be shared
static_assert(Send<mpsc::Receiver<Arc<Mutex<int>>>>);
// Senders may be shared (clone from many threads); the receiver is one consumer.
static_assert(Sync<mpsc::Sender<int>> && Sync<mpsc::SyncSender<int>>);
static_assert(!Sync<mpsc::Receiver<int>>);
static_assert(detail::sync_eval<mpsc::Receiver<int>>::why == detail::blame::single_consumer);
static_assert(!Sync<mpsc::Sender<Rc<int>>>);
// Containers and aggregates of handles derive from them.
static_assert(Send<std::vector<mpsc::Sender<int>>>);
static_assert(!Send<std::vector<mpsc::Sender<Rc<int>>>>);
struct Worker {
    mpsc::Sender<int> out;
    mpsc::Receiver<std::string> in;
};
static_assert(Send<Worker> && !Sync<Worker>);
static_assert(!Send<Arc<mpsc::Receiver<int>>>);  // Arc needs Sync
static_assert(Send<Arc<mpsc::Sender<int>>>);
// Results carry their value.
static_assert(Send<mpsc::SendResult<int>> && !Send<mpsc::SendResult<Rc<int>>>);
static_assert(Send<mpsc::TryRecvResult<std::string>> && Sync<mpsc::RecvTimeoutResult<int>>);

// Thread handles: always Send and Sync (spawn already checked the result is Send).
static_assert(Send<thread::JoinHandle<int>> && Sync<thread::JoinHandle<int>>);
static_assert(Send<thread::JoinHandle<void>> && Sync<thread::JoinHandle<void>>);
static_assert(Send<std::vector<thread::JoinHandle<void>>>);
static_assert(Send<thread::ScopedJoinHandle<int>>);
static_assert(!Send<thread::Scope> && !Sync<thread::Scope>);

// API shape.
static_assert(!std::is_copy_constructible_v<mpsc::Sender<int>> && std::is_nothrow_move_constructible_v<mpsc::Sender<int>>);
static_assert(!std::is_copy_constructible_v<mpsc::SyncSender<int>> && std::is_move_constructible_v<mpsc::SyncSender<int>>);
static_assert(!std::is_copy_constructible_v<mpsc::Receiver<int>> && std::is_nothrow_move_constructible_v<mpsc::Receiver<int>>);
static_assert(!std::is_copy_assignable_v<mpsc::Receiver<int>> && std::is_move_assignable_v<mpsc::Receiver<int>>);
static_assert(!std::is_copy_constructible_v<thread::JoinHandle<int>> && std::is_move_constructible_v<thread::JoinHandle<int>>);
static_assert(std::is_same_v<decltype(mpsc::channel<int>()), std::pair<mpsc::Sender<int>, mpsc::Receiver<int>>>);
static_assert(std::is_same_v<decltype(mpsc::sync_channel<int>(1)), std::pair<mpsc::SyncSender<int>, mpsc::Receiver<int>>>);
static_assert(std::is_same_v<decltype(std::declval<mpsc::Receiver<int>&>().recv()), std::optional<int>>);
static_assert(std::is_same_v<decltype(std::declval<mpsc::Sender<int>&>().send(1)), mpsc::SendResult<int>>);
static_assert(!std::is_constructible_v<bool, decltype(std::declval<mpsc::Receiver<int>&>().recv())> ||
              std::is_constructible_v<bool, std::optional<int>>);
static_assert(!std::is_convertible_v<mpsc::SendResult<int>, bool>);  // explicit operator bool
static_assert(std::is_constructible_v<bool, mpsc::SendResult<int>>);

// send takes rvalues only: an lvalue picks the deleted overload.
template <class S, class T>
concept can_send = requires(S& s, T&& v) { s.send(std::forward<T>(v)); };
static_assert(can_send<mpsc::Sender<std::string>, std::string>);
static_assert(!can_send<mpsc::Sender<std::string>, std::string&>);
static_assert(!can_send<mpsc::Sender<std::string>, const std::string&>);
static_assert(!can_send<mpsc::SyncSender<int>, int&>);

// The spawn checks, one verdict per misuse (the static_assert fires on it).
namespace traits_thread_mpsc_test {
inline int plain(int x) { return x; }
}  // namespace traits_thread_mpsc_test
using traits_thread_mpsc_test::plain;
using detail::spawn_check;
using detail::spawn_problem;
static_assert(spawn_check<false, decltype(plain)&, int>::problem == spawn_problem::none);
static_assert(spawn_check<false, decltype([](std::vector<int>) {}), std::vector<int>>::problem == spawn_problem::none);
static_assert(spawn_check<false, decltype([](std::vector<int>) {}), std::vector<int>&>::problem == spawn_problem::lvalue);
static_assert(spawn_check<false, decltype([](Rc<int>) {}), Rc<int>>::problem == spawn_problem::not_send);
static_assert(spawn_check<false, decltype([](const int&) {}), std::reference_wrapper<const int>>::problem ==
              spawn_problem::borrow);
static_assert(spawn_check<false, decltype([](const int*) {}), const int*>::problem == spawn_problem::borrow);
static_assert(spawn_check<false, decltype([](std::string_view) {}), std::string_view>::problem == spawn_problem::borrow);
static_assert(spawn_check<false, decltype([]() { return make_rc<int>(1); })>::problem == spawn_problem::result_not_send);
static_assert(spawn_check<false, decltype([](int) {}), std::string>::problem == spawn_problem::not_callable);
static_assert(spawn_check<true, decltype([](const int&) {}), std::reference_wrapper<const int>>::problem ==
              spawn_problem::none);
static_assert(spawn_check<true, decltype([](int&) {}), std::reference_wrapper<int>>::problem ==
              spawn_problem::mut_borrow);
static_assert(spawn_check<true, decltype([](const Cell<int>&) {}), std::reference_wrapper<const Cell<int>>>::problem ==
              spawn_problem::not_sync);
static_assert(spawn_check<true, decltype([](const Mutex<int>&) {}), std::reference_wrapper<const Mutex<int>>>::problem ==
              spawn_problem::none);
static_assert(spawn_check<true, decltype([](std::string_view) {}), std::string_view>::problem == spawn_problem::none);

TEST_CASE("thread and channel traits hold at compile time", "[traits][thread][mpsc]") {
    SUCCEED("static_asserts above");
}
