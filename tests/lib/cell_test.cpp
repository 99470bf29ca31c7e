// Cell<T> and RefCell<T> at run time: moving values in and out, and the
// borrow rule checked when it is broken.
#include <fearless/cell.hpp>
#include <fearless/rc.hpp>

#include <catch2/catch.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace fearless;

namespace {
template <class T>
std::string print(const T& v) {
  std::ostringstream os;
  os << v;
  return os.str();
}
}  // namespace

TEST_CASE("Cell: get, set, replace, take, swap through a const Cell", "[cell]") {
  const Cell<int> c{1};  // interior mutability: const is Rust's `&self`
  c.set(c.get() + 1);
  CHECK(c.get() == 2);
  CHECK(c.replace(10) == 2);
  CHECK(c.get() == 10);
  CHECK(c.take() == 10);
  CHECK(c.get() == 0);

  const Cell<int> d{5};
  c.swap(d);
  CHECK(c.get() == 5);
  CHECK(d.get() == 0);
  c.swap(c);
  CHECK(c.get() == 5);
}

TEST_CASE("Cell: non-trivial values, copies, CTAD, get_mut and into_inner", "[cell]") {
  Cell s{std::string("one")};
  STATIC_REQUIRE(std::is_same_v<decltype(s), Cell<std::string>>);
  CHECK(s.replace("two") == "one");
  s.get_mut() += "!";
  CHECK(s.get() == "two!");
  Cell<std::string> copy = s;
  copy.set("three");
  CHECK(s.get() == "two!");
  CHECK(std::move(copy).into_inner() == "three");
  CHECK(print(Cell<int>{7}) == "Cell { value: 7 }");
  // A shared owner plus a Cell: Rust's Rc<Cell<T>>.
  Rc<Cell<int>> shared = make_rc<Cell<int>>(1);
  Rc<Cell<int>> other = shared.clone();
  other->set(2);
  CHECK(shared->get() == 2);
}

TEST_CASE("RefCell: many shared borrows, or one mutable borrow", "[refcell]") {
  RefCell<std::vector<int>> cell{std::vector<int>{1}};
  {
    Ref<std::vector<int>> a = cell.borrow();
    Ref<std::vector<int>> b = cell.borrow();
    Ref<std::vector<int>> c = a.clone();
    CHECK(a->size() == 1);
    CHECK((*b)[0] == 1);
    CHECK(c.get() == a.get());
    CHECK_THROWS_AS(cell.borrow_mut(), BorrowMutError);
    CHECK_FALSE(cell.try_borrow_mut().has_value());
  }
  {
    RefMut<std::vector<int>> w = cell.borrow_mut();
    w->push_back(2);
    CHECK_THROWS_AS(cell.borrow(), BorrowError);
    CHECK_THROWS_AS(cell.borrow_mut(), BorrowMutError);
    CHECK_FALSE(cell.try_borrow().has_value());
    CHECK(print(RefCell<int>{1}) == "RefCell { value: 1 }");
  }
  // Every guard is gone: both kinds of borrow work again.
  CHECK(cell.borrow()->size() == 2);
  cell.borrow_mut()->push_back(3);
  CHECK(*cell.borrow() == std::vector<int>{1, 2, 3});
}

TEST_CASE("RefCell: the errors read like Rust's and are logic errors", "[refcell]") {
  RefCell<int> cell{1};
  auto w = cell.borrow_mut();
  try {
    (void)cell.borrow();
    FAIL("borrow() while mutably borrowed did not throw");
  } catch (const std::logic_error& e) {
    CHECK(std::string(e.what()).rfind("already mutably borrowed", 0) == 0);
  }
  try {
    (void)cell.borrow_mut();
    FAIL("borrow_mut() while mutably borrowed did not throw");
  } catch (const BorrowMutError& e) {
    CHECK(std::string(e.what()).rfind("already borrowed", 0) == 0);
  }
  CHECK(print(cell) == "RefCell { value: <borrowed> }");
}

TEST_CASE("RefCell: guards release on destruction and on move", "[refcell]") {
  RefCell<int> cell{1};
  std::optional<Ref<int>> kept = cell.borrow();
  Ref<int> moved = std::move(*kept);
  kept.reset();  // the moved-from guard holds nothing
  CHECK_THROWS_AS(cell.borrow_mut(), BorrowMutError);
  {
    Ref<int> gone = std::move(moved);
  }
  *cell.borrow_mut() = 2;
  RefMut<int> w = cell.borrow_mut();
  RefMut<int> w2 = std::move(w);
  *w2 = 3;
  w2 = RefMut<int>(std::move(w2));
  CHECK_THROWS_AS(cell.borrow(), BorrowError);
}

TEST_CASE("RefCell: replace, take, copy and move check the borrow too", "[refcell]") {
  RefCell<std::string> cell{std::string("a")};
  CHECK(cell.replace("b") == "a");
  CHECK(cell.take() == "b");
  CHECK(cell.borrow()->empty());
  cell.get_mut() = "c";
  {
    auto r = cell.borrow();
    CHECK_THROWS_AS(cell.replace("d"), BorrowMutError);
    CHECK_THROWS_AS(cell.take(), BorrowMutError);
    RefCell<std::string> copy = cell;  // reading while others read is fine
    CHECK(*copy.borrow() == "c");
    CHECK_THROWS_AS(RefCell<std::string>(std::move(cell)), BorrowMutError);
  }
  {
    auto w = cell.borrow_mut();
    CHECK_THROWS_AS(RefCell<std::string>(cell), BorrowError);
  }
  RefCell<std::string> moved = std::move(cell);
  CHECK(*moved.borrow() == "c");
  CHECK(std::move(moved).into_inner() == "c");
}

TEST_CASE("Rc<RefCell<T>>: shared owners mutate one value (Rust Book 15-24)", "[refcell][rc]") {
  auto value = make_rc<RefCell<int>>(5);
  auto a = value.clone();
  auto b = value.clone();
  *value->borrow_mut() += 10;
  CHECK(*a->borrow() == 15);
  CHECK(*b->borrow() == 15);
  CHECK(value.strong_count() == 3);
}
