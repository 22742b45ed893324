// Background work; see background_tasks.h and docs/streams.md.
#include "server/background_tasks.h"

#include <algorithm>
#include <chrono>
#include <exception>

#include <spdlog/spdlog.h>

#include "streams/streams.h"
#include "ttl/ttl_sweeper.h"

namespace eddy::server {

BackgroundTasks::BackgroundTasks(const ServerOptions& options, ops::ServerState& state, RequestGate& gate,
                                 std::size_t first_slot)
    : options_(options), state_(state), gate_(gate), first_slot_(first_slot) {}

BackgroundTasks::~BackgroundTasks() { stop(); }

void BackgroundTasks::start() {
  subscription_ = state_.clock.subscribe([this] { clock_moved(); });
  if (state_.streams != nullptr) {
    // Often enough that a rollover or a trim is at most a quarter period late, and at least
    // every second; never busier than 20 times a second.
    double period = std::min(options_.shard_rollover_seconds, options_.stream_retention_seconds) / 4;
    double interval = std::clamp(period, 0.05, 1.0);
    every(interval, [this, streams = state_.streams] {
      streams->maintain();
      // The point-in-time logs' trim rides along: it is as cheap when nothing is due.
      if (auto trimmed = state_.database.trim_point_in_time_logs(state_.clock.now(), options_.pitr_window_seconds);
          !trimmed) {
        spdlog::error("point-in-time recovery: trimming failed: {}", trimmed.error().message);
      }
    });
  }
  if (options_.ttl_sweep_interval_seconds > 0) {
    auto sweeper = std::make_shared<ttl::TtlSweeper>(state_.database, state_.clock);
    every(options_.ttl_sweep_interval_seconds, [sweeper] { sweeper->sweep(); });
  }
}

void BackgroundTasks::every(double interval_seconds, std::function<void()> work) {
  uint64_t moves_before = 0;  // a move after start() subscribed, even before the thread runs, counts
  std::size_t index = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    moves_before = clock_moves_;
    index = caught_up_.size();
    caught_up_.push_back(moves_before);
  }
  std::size_t slot = first_slot_ + index;
  threads_.emplace_back([this, interval_seconds, work = std::move(work), seen = moves_before, index, slot]() mutable {
    auto interval = std::chrono::duration<double>(interval_seconds);
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      wake_.wait_for(lock, interval, [&] { return stopping_ || clock_moves_ != seen; });
      if (stopping_) break;
      seen = clock_moves_;
      lock.unlock();
      try {
        RequestGate::Pass pass = gate_.enter(slot);
        work();
      } catch (const std::exception& e) {
        spdlog::error("background work failed: {}", e.what());
      }
      lock.lock();
      caught_up_[index] = seen;
      passed_.notify_all();
    }
  });
}

void BackgroundTasks::catch_up() {
  std::unique_lock<std::mutex> lock(mutex_);
  uint64_t target = clock_moves_;
  passed_.wait_for(lock, std::chrono::seconds(60), [&] {
    if (stopping_) return true;
    for (uint64_t seen : caught_up_) {
      if (seen < target) return false;
    }
    return true;
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
  passed_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

}  // namespace eddy::server
