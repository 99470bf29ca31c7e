// Send, Sync and Static at any depth, the standard-type table and the
// fail-closed reflection of marker.hpp, checked at compile time: this file
// compiling is the test. Positive and negative for each rule, nested shapes
// included (a tuple in an aggregate in a vector).
#include <fearless/fearless.hpp>

#include <any>
#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <deque>
#include <exception>
#include <functional>
#include <iterator>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

using namespace fearless;
using detail::blame;

namespace {

template <class T>
constexpr blame send_why = detail::send_eval<T>::why;
template <class T>
constexpr blame sync_why = detail::sync_eval<T>::why;
template <class T>
constexpr blame static_why = detail::static_eval<T>::why;

// Static: no borrow at any depth.
static_assert(Static<int> && Static<std::string> && Static<std::vector<std::string>>);
static_assert(Static<Rc<int>> && Static<Arc<Mutex<std::vector<int>>>> && Static<mpsc::Sender<std::string>>);
static_assert(!Static<int&> && !Static<const int&> && !Static<int*> && !Static<const char*>);
static_assert(!Static<std::string_view> && !Static<std::span<const int>> && !Static<std::reference_wrapper<int>>);
static_assert(!Static<Arc<std::string_view>> && !Static<Mutex<int*>> && !Static<mpsc::Sender<std::string_view>>);
static_assert(!Static<MutexGuard<int>> && !Static<Ref<int>> && !Static<RefMut<int>>);
static_assert(static_why<std::string_view> == blame::borrow && static_why<int*> == blame::borrow);

// Iterators, inserters: borrows; shared when *it is a const reference.
static_assert(!Static<std::vector<int>::iterator> && !Static<std::vector<int>::const_iterator>);
static_assert(!Static<std::list<int>::iterator> && !Static<std::map<int, int>::iterator>);
static_assert(!Static<std::unordered_map<int, int>::iterator> && !Static<std::set<int>::const_iterator>);
static_assert(!Static<std::back_insert_iterator<std::vector<int>>> && !Static<std::insert_iterator<std::set<int>>>);
static_assert(Send<std::vector<int>::const_iterator> && !Send<std::vector<int>::iterator>);
static_assert(send_why<std::vector<int>::iterator> == blame::mut_borrow);
static_assert(!Send<std::back_insert_iterator<std::vector<int>>> && !Send<std::map<int, int>::iterator>);
static_assert(!Send<std::vector<Cell<int>>::const_iterator>);  // a shared borrow of non-Sync data
static_assert(send_why<std::vector<Cell<int>>::const_iterator> == blame::not_sync);
static_assert(!Static<std::reverse_iterator<std::vector<int>::iterator>> && !Static<std::istream_iterator<int>>);

// Shared borrows are Send iff the target is Sync; mutable ones never.
static_assert(Send<std::string_view> && Sync<std::string_view> && Send<std::span<const int>>);
static_assert(!Send<std::span<int>> && send_why<std::span<int>> == blame::mut_borrow);
static_assert(Send<std::reference_wrapper<const Mutex<int>>> && !Send<std::reference_wrapper<const Cell<int>>>);
static_assert(std::is_same_v<detail::send_eval<std::reference_wrapper<const Cell<int>>>::culprit, Cell<int>>);
static_assert(!Send<int&> && !Sync<int&> && Send<const std::vector<int>&> && !Send<const RefCell<int>&>);
static_assert(Send<std::vector<std::string_view>> && !Static<std::vector<std::string_view>>);
static_assert(!Send<int*> && !Sync<const int*> && !Send<std::atomic_ref<int>>);

// Aggregates and functors with reference members, at any depth.
struct View {
    const std::vector<int>& v;
};
struct Writer {
    int& out;
    void operator()() const { ++out; }
};
struct Entry {
    std::tuple<int, const std::string&> key;
};
struct Owned {
    std::tuple<int, std::string> key;
};
static_assert(!Static<View> && Send<View> && Sync<View>);
static_assert(std::is_same_v<detail::static_eval<View>::culprit, const std::vector<int>&>);
static_assert(!Static<Writer> && !Send<Writer> && !Sync<Writer>);  // a T& member is writable through const
static_assert(send_why<Writer> == blame::mut_borrow && sync_why<Writer> == blame::borrow);
static_assert(!Static<std::vector<Entry>> && Send<std::vector<Entry>>);  // a tuple in an aggregate in a vector
static_assert(std::is_same_v<detail::static_eval<std::vector<Entry>>::culprit, const std::string&>);
static_assert(Static<std::vector<Owned>> && Send<std::vector<Owned>> && Sync<std::vector<Owned>>);
static_assert(!Static<std::optional<std::pair<int, const int&>>> && !Static<std::map<int, std::string_view>>);
static_assert(!Static<std::tuple<int&>> && !Send<std::tuple<int&>> && !Static<std::variant<int, int*>>);

// `mutable` members: Sync only if the member's type is synchronized.
struct Hits {
    mutable int n;
};
struct AtomicHits {
    mutable std::atomic<int> n;
    mutable Mutex<std::string> last;
    mutable std::mutex m;
    mutable std::atomic<int> per_slot[4];
};
struct CellHits {
    mutable Mutex<Rc<int>> bad;
};
static_assert(!Sync<Hits> && Send<Hits> && Static<Hits>);
static_assert(sync_why<Hits> == blame::mutable_member);
static_assert(std::is_same_v<detail::sync_eval<Hits>::culprit, int>);
static_assert(Sync<AtomicHits> && Send<AtomicHits>);
static_assert(!Sync<CellHits> && !Sync<std::vector<Hits>>);
static_assert(!Send<Arc<Hits>> && Send<Arc<AtomicHits>>);

// Reflection: C arrays, empty bases, references; never zero fields by accident.
struct WithArray {
    int data[4];
    Rc<int> r;
};
struct WithOwnedArray {
    int data[4];
    std::string names[2];
};
// C arrays of elements without a default constructor, measured member by member.
struct RcPair {
    Rc<int> r[2];
};
struct ViewPair {
    std::string_view v[2];
};
struct ArcsAround {
    int& n;
    Arc<int> a[3];
    const std::string& s;
};
struct OwnedArcs {
    int x;
    Arc<int> a[2];
    int y;
};
struct Tag {};
struct TaggedRc : Tag {
    int x;
    Rc<int> r;
};
struct TaggedInt : Tag {
    int x;
};
struct Base {
    int x;
};
struct DerivedRc : Base {
    Rc<int> r;
};
struct DerivedInt : Base {
    int y;
};
struct Bits {
    int a : 3;
    int b : 5;
};
struct Many {
    int a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, c0, c1, c2, c3, c4;
};
static_assert(!Send<WithArray> && send_why<WithArray> == blame::rc);
static_assert(Send<WithOwnedArray> && Sync<WithOwnedArray> && Static<WithOwnedArray>);
static_assert(!Send<RcPair> && send_why<RcPair> == blame::rc && Static<RcPair>);
static_assert(Send<ViewPair> && Sync<ViewPair> && !Static<ViewPair>);
static_assert(detail::fields<ArcsAround>::count == 3 && !Static<ArcsAround> && !Send<ArcsAround>);
static_assert(std::is_same_v<detail::fields<OwnedArcs>::types, detail::type_list<int, Arc<int>[2], int>>);
static_assert(Send<OwnedArcs> && Sync<OwnedArcs> && Static<OwnedArcs>);
static_assert(!Send<TaggedRc> && send_why<TaggedRc> == blame::rc);
static_assert(Send<TaggedInt> && Sync<TaggedInt> && Static<TaggedInt>);
static_assert(!Send<DerivedRc> && send_why<DerivedRc> == blame::undeclared);
static_assert(!Send<DerivedInt> && !Sync<DerivedInt> && !Static<DerivedInt>);  // base with members: fail closed
static_assert(static_why<DerivedInt> == blame::undeclared);
static_assert(Send<Bits> && Sync<Bits>);
static_assert(!Send<Many> && send_why<Many> == blame::undeclared);  // more than max_fields
static_assert(Send<int[3]> && !Send<Rc<int>[2]> && !Static<int* [2]>);

// The standard-type table.
static_assert(Send<std::deque<int>> && !Send<std::deque<Rc<int>>> && Send<std::set<std::string>>);
static_assert(Send<std::unique_ptr<int[]>> && !Send<std::unique_ptr<Rc<int>[]>>);
static_assert(Send<std::shared_ptr<Mutex<int>>> && Sync<std::weak_ptr<std::atomic<int>>>);
static_assert(!Send<std::weak_ptr<Cell<int>>> && !Static<std::shared_ptr<std::string_view>>);
static_assert(Send<std::atomic<int>> && Sync<std::atomic<long>> && Static<std::atomic<int>>);
static_assert(Send<std::atomic<int*>> && !Static<std::atomic<int*>>);  // holds a pointer
static_assert(Send<std::mutex> && Sync<std::shared_mutex> && Sync<std::once_flag>);
static_assert(Send<std::chrono::seconds> && Sync<std::chrono::system_clock::time_point> && Static<std::chrono::seconds>);
static_assert(Send<std::thread> && Send<std::exception_ptr>);
static_assert(!Send<std::lock_guard<std::mutex>> && !Send<std::unique_lock<std::mutex>>);
static_assert(!Send<std::scoped_lock<std::mutex>> && !Send<std::shared_lock<std::shared_mutex>>);
static_assert(send_why<std::unique_lock<std::mutex>> == blame::guard && !Static<std::unique_lock<std::mutex>>);
static_assert(!Send<std::function<void()>> && !Sync<std::function<void()>> && !Static<std::function<void()>>);
static_assert(!Send<std::any> && send_why<std::any> == blame::undeclared);
static_assert(!Send<std::vector<std::function<void()>>>);
static_assert(!Send<std::tuple<int, std::any>> && Send<std::tuple<int, std::string, std::array<double, 3>>>);

// Declared types are Static too (the author vouches there is no borrow).
class Opaque {
    int* p_ = nullptr;

  public:
    int get() const { return p_ ? *p_ : 0; }
};
static_assert(!Send<Opaque> && !Static<Opaque> && static_why<Opaque> == blame::undeclared);

}  // namespace

struct DeclaredHandle {
  private:
    int fd_ = 0;

  public:
    int fd() const { return fd_; }
};
template <>
inline constexpr bool fearless::unsafe_impl_send<DeclaredHandle> = true;
static_assert(Send<DeclaredHandle> && Static<DeclaredHandle> && !Sync<DeclaredHandle>);
static_assert(Static<std::vector<DeclaredHandle>>);

TEST_CASE("Send, Sync and Static hold at any depth at compile time", "[traits]") {
    STATIC_REQUIRE_FALSE(Static<std::vector<Entry>>);
    STATIC_REQUIRE(Send<std::vector<std::string_view>>);
}
