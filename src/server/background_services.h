// BackgroundServices: the work eddy does between requests, each on its own thread, started with
// the server and stopped before storage closes:
//  - stream maintenance (shard rollover, retention trimming), see streams/stream_service.h;
//  - the TTL sweeper every --ttl-sweep-interval-seconds, see ttl/ttl_sweeper.h.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "eddy/server.h"
#include "ops/request_context.h"

namespace eddy::server {

class BackgroundServices {
 public:
  BackgroundServices(const ServerOptions& options, ops::Services& services);
  ~BackgroundServices();
  void start();
  void stop();

 private:
  // Runs `work` every `interval_seconds` until stop().
  void every(double interval_seconds, std::function<void()> work);

  const ServerOptions& options_;
  ops::Services& services_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace eddy::server
