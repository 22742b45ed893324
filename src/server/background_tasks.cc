// Background work; see background_tasks.h and docs/streams.md.
#include "server/background_tasks.h"

#include <algorithm>
#include <chrono>
#include <exception>

#include <spdlog/spdlog.h>

#include "streams/streams.h"
#include "ttl/ttl_sweeper.h"

namespace eddy::server {

BackgroundTasks::BackgroundTasks(const ServerOptions& options, ops::ServerState& state)
    : options_(options), state_(state) {}

BackgroundTasks::~BackgroundTasks() { stop(); }

void BackgroundTasks::start() {
  subscription_ = state_.clock.subscribe([this] { clock_moved(); });
  if (state_.streams != nullptr) {
    // Often enough that a rollover or a trim is at most a quarter period late, and at least
    // every second; never busier than 20 times a second.
    double period = std::min(options_.shard_rollover_seconds, options_.stream_retention_seconds) / 4;
    double interval = std::clamp(period, 0.05, 1.0);
    every(interval, [streams = state_.streams] { streams->maintain(); });
  }
  if (options_.ttl_sweep_interval_seconds > 0) {
    auto sweeper = std::make_shared<ttl::TtlSweeper>(state_.database, state_.clock);
    every(options_.ttl_sweep_interval_seconds, [sweeper] { sweeper->sweep(); });
  }
}

void BackgroundTasks::every(double interval_seconds, std::function<void()> work) {
  uint64_t moves_before = 0;  // a move after start() subscribed, even before the thread runs, counts
  {
    std::lock_guard<std::mutex> lock(mutex_);
    moves_before = clock_moves_;
  }
  threads_.emplace_back([this, interval_seconds, work = std::move(work), seen = moves_before]() mutable {
    auto interval = std::chrono::duration<double>(interval_seconds);
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      wake_.wait_for(lock, interval, [&] { return stopping_ || clock_moves_ != seen; });
      if (stopping_) break;
      seen = clock_moves_;
      lock.unlock();
      try {
        work();
      } catch (const std::exception& e) {
        spdlog::error("background work failed: {}", e.what());
      }
      lock.lock();
    }
  });
}

// Runs on the thread that moved the clock: only a counter and a wake-up.
void BackgroundTasks::clock_moved() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++clock_moves_;
  }
  wake_.notify_all();
}

void BackgroundTasks::stop() {
  subscription_.reset();  // waits for a clock_moved() in progress
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

}  // namespace eddy::server
