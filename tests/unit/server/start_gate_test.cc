// Requests that arrive while storage is still opening wait at the StartGate: they get the
// dispatcher once the start succeeds, and nothing (an error answer) when it fails.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "server/start_gate.h"

namespace eddy::server {
namespace {

Dispatcher* fake_dispatcher() {
  static int storage;
  return reinterpret_cast<Dispatcher*>(&storage);  // only compared, never used
}

TEST(StartGateTest, WaitingRequestsPassOnceOpen) {
  StartGate gate;
  std::atomic<Dispatcher*> seen{nullptr};
  std::atomic<bool> returned{false};
  std::thread request([&] {
    seen = gate.wait();
    returned = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(returned);  // still opening: the request waits
  gate.open(fake_dispatcher());
  request.join();
  EXPECT_EQ(seen, fake_dispatcher());
  EXPECT_EQ(gate.wait(), fake_dispatcher());  // later requests pass at once
}

TEST(StartGateTest, WaitingRequestsAreReleasedWhenTheStartFails) {
  StartGate gate;
  std::atomic<bool> released{false};
  std::thread request([&] {
    EXPECT_EQ(gate.wait(), nullptr);
    released = true;
  });
  gate.fail();
  request.join();
  EXPECT_TRUE(released);
  EXPECT_EQ(gate.wait(), nullptr);
}

}  // namespace
}  // namespace eddy::server
