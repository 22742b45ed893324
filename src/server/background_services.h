// BackgroundServices: the work eddy does between requests (stream shard rollover and retention,
// the TTL sweeper), started with the server and stopped before storage closes.
#pragma once

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
  const ServerOptions& options_;
  ops::Services& services_;
};

}  // namespace eddy::server
