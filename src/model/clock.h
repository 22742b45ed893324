// Clock: the one source of "now" for everything time-dependent (retention, TTL, iterator expiry,
// CreationDateTime), injectable so that tests need not wait.
#pragma once

#include <atomic>
#include <chrono>

namespace eddy {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the epoch, with sub-second precision.
  virtual double now() const {
    using namespace std::chrono;
    return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
  }
};

// A clock that tests move by hand.
class ManualClock : public Clock {
 public:
  explicit ManualClock(double start) : now_(start) {}
  double now() const override { return now_.load(); }
  void advance(double seconds) { now_.store(now_.load() + seconds); }

 private:
  std::atomic<double> now_;
};

}  // namespace eddy
