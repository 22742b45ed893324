// InProcessServer: an eddy::Server started inside the test process, in memory, on a free loopback
// port, with a ManualClock the test moves. Time passes only when the test says so; what the new
// time makes due in the background (TTL deletions, shard rollover, retention trimming) runs at
// once, and the test waits for its effect with eventually(), which polls with a deadline.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "eddy/clock.h"
#include "eddy/server.h"
#include "loopback_client.h"

namespace eddy::in_process {

// 2026-01-01T00:00:00Z: a start far from the real date, so that nothing can pass by reading the
// wall clock by mistake.
inline constexpr double kStart = 1767225600.0;

// Polls `condition` until it holds or `deadline` has passed (real time: the server's background
// threads need a moment to run). True when it held.
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
  auto until = std::chrono::steady_clock::now() + deadline;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

class InProcessServer {
 public:
  // `options` may change anything; host, port and the clock are the harness's, and so is
  // in_memory unless `on_disk` (then options.data_dir is the folder).
  explicit InProcessServer(ServerOptions options = {}, bool on_disk = false)
      : clock_(std::make_shared<ManualClock>(kStart)) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.in_memory = !on_disk;
    if (options.threads == 0) options.threads = 2;
    options.clock = clock_;
    server_ = std::make_unique<Server>(options);
    std::string error;
    started_ = server_->start(error);
    EXPECT_TRUE(started_) << error;
    if (started_) runner_ = std::thread([this] { server_->run(); });
  }

  ~InProcessServer() {
    server_->stop();
    if (runner_.joinable()) runner_.join();
  }

  InProcessServer(const InProcessServer&) = delete;
  InProcessServer& operator=(const InProcessServer&) = delete;

  ManualClock& clock() { return *clock_; }
  unsigned short port() const { return server_->port(); }
  // A new connection of its own.
  LoopbackClient connect() const { return LoopbackClient(port()); }

 private:
  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<Server> server_;
  bool started_ = false;
  std::thread runner_;
};

}  // namespace eddy::in_process
