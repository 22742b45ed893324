// Clock: eddy's one source of "now". Everything time-dependent reads the server's clock:
// CreationDateTime, stream labels, ApproximateCreationDateTime, shard rollover, retention trimming,
// iterator expiry, TTL expiry and transaction token expiry. A server takes its clock from
// ServerOptions::clock (Default: a WallClock); a test passes a ManualClock and moves it instead of
// waiting. Moving a clock wakes its subscribers (the server's background tasks), so that what
// the new time makes due (a TTL deletion, a rollover, a trim) happens at once. See
// docs/architecture.md, "Time".
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace eddy {

class ClockSubscribers;

// Keeps one subscription alive; destroying it (or reset()) unsubscribes, and waits for a call of
// the callback that is in progress on another thread, so the callback's captures may go right after.
class ClockSubscription {
 public:
  ClockSubscription() = default;
  ClockSubscription(std::shared_ptr<ClockSubscribers> subscribers, uint64_t id);
  ClockSubscription(ClockSubscription&& other) noexcept;
  ClockSubscription& operator=(ClockSubscription&& other) noexcept;
  ClockSubscription(const ClockSubscription&) = delete;
  ClockSubscription& operator=(const ClockSubscription&) = delete;
  ~ClockSubscription();
  void reset();

 private:
  std::shared_ptr<ClockSubscribers> subscribers_;
  uint64_t id_ = 0;
};

class Clock {
 public:
  Clock();
  virtual ~Clock();
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;

  // Seconds since the Unix epoch, with sub-second precision. Thread-safe.
  virtual double now() const = 0;

  // Moves the clock by `seconds` (a negative value moves it back) and then calls every
  // subscriber. Thread-safe.
  void advance(double seconds);

  // Calls `on_move` after every move of this clock (advance, ManualClock::set), on the thread that
  // moved it, until the subscription is destroyed. `on_move` must be quick (wake a thread, no I/O)
  // and must neither move the clock nor subscribe: it runs under the clock's subscriber lock.
  // The wall clock's own passing of time calls nothing.
  [[nodiscard]] ClockSubscription subscribe(std::function<void()> on_move) const;

 protected:
  virtual void shift(double seconds) = 0;
  // Calls the subscribers; for subclasses that move the clock other than by advance().
  void notify_moved();

 private:
  std::shared_ptr<ClockSubscribers> subscribers_;
};

// The system clock, plus whatever advance() added (an offset; Default: none).
class WallClock : public Clock {
 public:
  double now() const override;
  // The system clock alone, as seconds since the epoch.
  static double system_now();

 protected:
  void shift(double seconds) override;

 private:
  std::atomic<double> offset_{0};
};

// A clock that stands still until it is moved: advance() or set().
class ManualClock : public Clock {
 public:
  // Default: starts at the system clock's time.
  ManualClock();
  explicit ManualClock(double start_epoch_seconds);
  double now() const override;
  // Puts the clock at `epoch_seconds` (also backwards) and calls the subscribers.
  void set(double epoch_seconds);

 protected:
  void shift(double seconds) override;

 private:
  std::atomic<double> now_;
};

}  // namespace eddy
