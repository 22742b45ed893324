// BackgroundTasks: the work eddy does between requests, each on its own thread, started with
// the server and stopped before storage closes:
//  - stream maintenance (shard rollover, retention trimming), see streams/streams.h;
//  - the TTL sweeper every --ttl-sweep-interval-seconds, see ttl/ttl_sweeper.h.
// Each runs on its real-time interval and, besides, at once whenever the server's clock is moved
// (eddy/clock.h): a test that advances a ManualClock past a TTL or the retention period sees the
// effect as soon as one pass has run, without waiting for the next interval; catch_up() waits for
// that pass (the admin API answers a move of the clock once it is done).
//
// Each pass holds the request gate (request_gate.h) in a slot of its own, so that a restore or a
// reset never runs in the middle of a sweep or a trim.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "eddy/server.h"
#include "ops/request_context.h"
#include "server/request_gate.h"

namespace eddy::server {

class BackgroundTasks {
 public:
  // `gate`: slots `first_slot` and `first_slot + 1` are the tasks' own.
  BackgroundTasks(const ServerOptions& options, ops::ServerState& state, RequestGate& gate, std::size_t first_slot);
  ~BackgroundTasks();
  void start();
  void stop();
  // Waits until every service has finished a pass that started after the clock's latest move
  // (at most 60 s, or until stop()).
  void catch_up();

  // How many gate slots the tasks need.
  static constexpr std::size_t kSlots = 2;

 private:
  // Runs `work` every `interval_seconds`, and after every move of the clock, until stop().
  void every(double interval_seconds, std::function<void()> work);
  void clock_moved();

  const ServerOptions& options_;
  ops::ServerState& state_;
  RequestGate& gate_;
  std::size_t first_slot_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable passed_;
  bool stopping_ = false;
  uint64_t clock_moves_ = 0;         // counts the clock's moves; a worker runs when it changed
  std::vector<uint64_t> caught_up_;  // by service: the clock_moves_ its last finished pass had seen
  std::vector<std::thread> threads_;
  ClockSubscription subscription_;
};

}  // namespace eddy::server
