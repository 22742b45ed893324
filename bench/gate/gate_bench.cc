// The request gate's cost on the request path (docs/performance.md, "Test
// controls"): every request enters and leaves server::RequestGate once. This
// measures, with T threads each in a loop of enter/leave around a little work,
// the time per pass through RequestGate against a std::shared_mutex taken
// shared (the obvious alternative), and against no gate at all.
//
//   build/eddy_gate_bench [--threads T] [--milliseconds M]
//
// Bounded: each variant runs for M milliseconds (default 500) per thread count.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <shared_mutex>
#include <thread>
#include <vector>

#include "server/request_gate.h"

namespace {

using Clock = std::chrono::steady_clock;

// A little work per pass, so that the gate is measured as it sits around a
// request.
inline void work(uint64_t& sink) {
  for (int i = 0; i < 20; ++i) sink = sink * 6364136223846793005ULL + 1442695040888963407ULL;
}

template <class Pass>
double nanoseconds_per_pass(int threads, int milliseconds, Pass pass) {
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> total{0};
  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      uint64_t count = 0, sink = t;
      while (!stop.load(std::memory_order_relaxed)) {
        for (int i = 0; i < 1000; ++i) pass(static_cast<std::size_t>(t), sink);
        count += 1000;
      }
      total += count + (sink == 42 ? 1 : 0);
    });
  }
  auto started = Clock::now();
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  stop = true;
  for (auto& w : workers) w.join();
  double elapsed = std::chrono::duration<double, std::nano>(Clock::now() - started).count();
  return elapsed * threads / static_cast<double>(total.load());
}

}  // namespace

int main(int argc, char** argv) {
  int max_threads = 4, milliseconds = 500;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--threads") == 0) max_threads = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--milliseconds") == 0) milliseconds = std::atoi(argv[i + 1]);
  }
  std::printf("%-8s %14s %14s %14s\n", "threads", "none ns/pass", "gate ns/pass", "shared_mutex");
  for (int threads = 1; threads <= max_threads; threads *= 2) {
    eddy::server::RequestGate gate(static_cast<std::size_t>(threads));
    std::shared_mutex mutex;
    double none = nanoseconds_per_pass(threads, milliseconds, [](std::size_t, uint64_t& sink) { work(sink); });
    double gated = nanoseconds_per_pass(threads, milliseconds, [&](std::size_t slot, uint64_t& sink) {
      eddy::server::RequestGate::Pass pass = gate.enter(slot);
      work(sink);
    });
    double shared = nanoseconds_per_pass(threads, milliseconds, [&](std::size_t, uint64_t& sink) {
      std::shared_lock lock(mutex);
      work(sink);
    });
    std::printf("%-8d %14.1f %14.1f %14.1f\n", threads, none, gated, shared);
  }
  return 0;
}
