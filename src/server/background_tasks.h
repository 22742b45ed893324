// BackgroundTasks: the work eddy does between requests, each on its own thread, started with
// the server and stopped before storage closes:
//  - stream maintenance (shard rollover, retention trimming), see streams/streams.h;
//  - the TTL sweeper every --ttl-sweep-interval-seconds, see ttl/ttl_sweeper.h.
// Each runs on its real-time interval and, besides, at once whenever the server's clock is moved
// (eddy/clock.h): a test that advances a ManualClock past a TTL or the retention period sees the
// effect as soon as one pass has run, without waiting for the next interval.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "eddy/server.h"
#include "ops/request_context.h"

namespace eddy::server {

class BackgroundTasks {
 public:
  BackgroundTasks(const ServerOptions& options, ops::ServerState& state);
  ~BackgroundTasks();
  void start();
  void stop();

 private:
  // Runs `work` every `interval_seconds`, and after every move of the clock, until stop().
  void every(double interval_seconds, std::function<void()> work);
  void clock_moved();

  const ServerOptions& options_;
  ops::ServerState& state_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  uint64_t clock_moves_ = 0;  // counts the clock's moves; a worker runs when it changed
  std::vector<std::thread> threads_;
  ClockSubscription subscription_;
};

}  // namespace eddy::server
