// Entry point of bench_fearless and bench_std. Without flags it is a plain
// Google Benchmark binary. With --machine it prints one line per benchmark
// for scripts/bench:
//   <name> <value> <unit> <count>      unit: msg/s or ns/op
//   <name> error <message>
#include <benchmark/benchmark.h>

#include <cstring>
#include <iostream>
#include <thread>
#include <vector>

namespace {

class MachineReporter : public benchmark::BenchmarkReporter {
 public:
  bool ReportContext(const Context&) override { return true; }

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      std::cout << run.run_name.function_name << ' ';  // without /iterations:N
      if (run.error_occurred) {
        std::cout << "error " << run.error_message << '\n';
        continue;
      }
      if (auto it = run.counters.find("msgs_per_s"); it != run.counters.end())
        std::cout << it->second.value << " msg/s " << count(run) << '\n';
      else if (auto ns = run.counters.find("ns_per_op"); ns != run.counters.end())
        std::cout << ns->second.value << " ns/op " << count(run) << '\n';
      else  // a plain loop: real time per iteration, in ns (the default unit)
        std::cout << run.GetAdjustedRealTime() << " ns/op " << run.iterations << '\n';
    }
    std::cout.flush();
  }

 private:
  static long long count(const Run& run) {
    auto it = run.counters.find("count");
    return it == run.counters.end() ? 0 : static_cast<long long>(it->second.value);
  }
};

}  // namespace

int main(int argc, char** argv) {
  // Leave single-threaded mode for good before measuring anything: while a
  // process has never started a thread, glibc's std::mutex (lll_lock) and
  // libstdc++'s std::shared_ptr (__libc_single_threaded) skip their atomic
  // instructions, which no real user of a lock or a shared pointer gets.
  std::thread([] {}).join();

  bool machine = false;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--machine") == 0)
      machine = true;
    else
      args.push_back(argv[i]);
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
  if (machine) {
    MachineReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
  } else {
    benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  return 0;
}
