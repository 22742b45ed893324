// The clocks of eddy/clock.h: a ManualClock moves only when told, a WallClock keeps an offset,
// and a move calls the subscribers until their subscription ends.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "eddy/clock.h"

namespace eddy {
namespace {

TEST(ClockTest, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(1000.5);
  EXPECT_EQ(clock.now(), 1000.5);
  EXPECT_EQ(clock.now(), 1000.5);
  clock.advance(60);
  EXPECT_EQ(clock.now(), 1060.5);
  clock.set(42);
  EXPECT_EQ(clock.now(), 42);
}

TEST(ClockTest, ManualClockStartsAtTheSystemTimeByDefault) {
  double before = WallClock::system_now();
  ManualClock clock;
  EXPECT_GE(clock.now(), before);
  EXPECT_LE(clock.now(), WallClock::system_now());
}

TEST(ClockTest, WallClockAdvanceIsAnOffset) {
  WallClock clock;
  double before = WallClock::system_now();
  EXPECT_GE(clock.now(), before);
  clock.advance(25 * 3600);
  double now = clock.now();
  EXPECT_GE(now, before + 25 * 3600);
  EXPECT_LE(now, WallClock::system_now() + 25 * 3600);
}

TEST(ClockTest, MovesCallSubscribersUntilTheSubscriptionEnds) {
  ManualClock clock(0);
  int calls = 0;
  double seen = -1;
  ClockSubscription subscription = clock.subscribe([&] {
    ++calls;
    seen = clock.now();  // the clock has moved before its subscribers are told
  });
  clock.advance(5);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(seen, 5);
  clock.set(100);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(seen, 100);
  ClockSubscription moved = std::move(subscription);
  clock.advance(1);
  EXPECT_EQ(calls, 3);
  moved.reset();
  clock.advance(1);
  EXPECT_EQ(calls, 3);
}

TEST(ClockTest, ASubscriptionMayOutliveItsClock) {
  ClockSubscription subscription;
  {
    ManualClock clock(0);
    subscription = clock.subscribe([] {});
  }
  subscription.reset();  // nothing left to unsubscribe from, and no crash
  SUCCEED();
}

// Ending a subscription waits for a call in progress on another thread, so whatever the callback
// uses may be destroyed right after.
TEST(ClockTest, EndingASubscriptionWaitsForARunningCall) {
  ManualClock clock(0);
  std::atomic<bool> inside{false};
  std::atomic<bool> ending{false};
  std::atomic<bool> finished{false};
  ClockSubscription subscription = clock.subscribe([&] {
    inside = true;
    while (!ending) std::this_thread::yield();  // still running when reset() begins
    finished = true;
  });
  std::thread mover([&] { clock.advance(1); });
  while (!inside) std::this_thread::yield();
  ending = true;
  subscription.reset();
  EXPECT_TRUE(finished);
  mover.join();
}

}  // namespace
}  // namespace eddy
