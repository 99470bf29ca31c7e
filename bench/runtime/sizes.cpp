// Prints the sizes issue 6 fixes, one line each for scripts/bench:
//   size <type> <bytes> <limit> ok|TOO-BIG
#include <fearless/arc.hpp>
#include <fearless/mutex.hpp>
#include <fearless/rc.hpp>

#include <cstddef>
#include <cstdio>

namespace {

int failures = 0;

void report(const char* type, std::size_t bytes, std::size_t limit) {
  bool ok = bytes <= limit;
  if (!ok) ++failures;
  std::printf("size %s %zu %zu %s\n", type, bytes, limit, ok ? "ok" : "TOO-BIG");
}

}  // namespace

int main() {
  report("Mutex<int>", sizeof(fearless::Mutex<int>), 8);
  report("Arc<int>", sizeof(fearless::Arc<int>), sizeof(void*));
  report("Rc<int>", sizeof(fearless::Rc<int>), sizeof(void*));
  report("Arc<Mutex<int>>", sizeof(fearless::Arc<fearless::Mutex<int>>), sizeof(void*));
  return failures == 0 ? 0 : 1;
}
