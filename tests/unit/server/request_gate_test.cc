// The request gate: exclusive() runs with no pass held, and passes wait while
// it runs.
#include "server/request_gate.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace eddy::server {
namespace {

TEST(RequestGate, ExclusiveWaitsForPassesInFlight) {
  RequestGate gate(2);
  std::atomic<bool> left{false};
  RequestGate::Pass pass = gate.enter(0);
  std::thread holder([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    left = true;
    pass.leave();
  });
  bool saw_left = false;
  gate.exclusive([&] { saw_left = left.load(); });
  holder.join();
  EXPECT_TRUE(saw_left);
}

TEST(RequestGate, PassesNeverOverlapExclusiveWork) {
  RequestGate gate(3);
  std::atomic<int> inside{0};
  std::atomic<bool> overlap{false}, stop{false};
  std::vector<std::thread> requests;
  for (std::size_t slot = 0; slot < 3; ++slot) {
    requests.emplace_back([&, slot] {
      while (!stop) {
        RequestGate::Pass pass = gate.enter(slot);
        inside++;
        inside--;
      }
    });
  }
  for (int round = 0; round < 200; ++round) {
    gate.exclusive([&] {
      if (inside.load() != 0) overlap = true;
      std::this_thread::yield();
      if (inside.load() != 0) overlap = true;
    });
  }
  stop = true;
  for (auto& t : requests) t.join();
  EXPECT_FALSE(overlap.load());
}

TEST(RequestGate, AMovedPassLeavesOnce) {
  RequestGate gate(1);
  RequestGate::Pass first = gate.enter(0);
  RequestGate::Pass second = std::move(first);
  second.leave();
  second.leave();
  bool ran = false;
  gate.exclusive([&] { ran = true; });
  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace eddy::server
