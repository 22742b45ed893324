// Background work; see background_services.h and docs/streams.md.
#include "server/background_services.h"

#include <algorithm>
#include <chrono>
#include <exception>

#include <spdlog/spdlog.h>

#include "streams/stream_service.h"
#include "ttl/ttl_sweeper.h"

namespace eddy::server {

BackgroundServices::BackgroundServices(const ServerOptions& options, ops::Services& services)
    : options_(options), services_(services) {}

BackgroundServices::~BackgroundServices() { stop(); }

void BackgroundServices::start() {
  if (services_.streams != nullptr) {
    // Often enough that a rollover or a trim is at most a quarter period late, and at least
    // every second; never busier than 20 times a second.
    double period = std::min(options_.shard_rollover_seconds, options_.stream_retention_seconds) / 4;
    double interval = std::clamp(period, 0.05, 1.0);
    every(interval, [streams = services_.streams] { streams->maintain(); });
  }
  if (options_.ttl_sweep_interval_seconds > 0) {
    auto sweeper = std::make_shared<ttl::TtlSweeper>(services_.database, services_.clock);
    every(options_.ttl_sweep_interval_seconds, [sweeper] { sweeper->sweep(); });
  }
}

void BackgroundServices::every(double interval_seconds, std::function<void()> work) {
  threads_.emplace_back([this, interval_seconds, work = std::move(work)] {
    auto interval = std::chrono::duration<double>(interval_seconds);
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
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

void BackgroundServices::stop() {
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
