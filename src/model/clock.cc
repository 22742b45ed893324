// Clock, WallClock, ManualClock and their subscriptions; see eddy/clock.h.
#include "eddy/clock.h"

#include <chrono>
#include <map>
#include <mutex>

namespace eddy {

// The callbacks of one clock. Subscriptions hold it too, so that either may go first.
class ClockSubscribers {
 public:
  uint64_t add(std::function<void()> callback) {
    std::lock_guard<std::mutex> lock(mutex_);
    callbacks_.emplace(++last_id_, std::move(callback));
    return last_id_;
  }

  void remove(uint64_t id) {
    std::lock_guard<std::mutex> lock(mutex_);
    callbacks_.erase(id);
  }

  // Under the lock: remove() waits for a call in progress, so no callback runs after it returns.
  void call_all() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [id, callback] : callbacks_) callback();
  }

 private:
  std::mutex mutex_;
  uint64_t last_id_ = 0;
  std::map<uint64_t, std::function<void()>> callbacks_;
};

ClockSubscription::ClockSubscription(std::shared_ptr<ClockSubscribers> subscribers, uint64_t id)
    : subscribers_(std::move(subscribers)), id_(id) {}

ClockSubscription::ClockSubscription(ClockSubscription&& other) noexcept
    : subscribers_(std::move(other.subscribers_)), id_(other.id_) {}

ClockSubscription& ClockSubscription::operator=(ClockSubscription&& other) noexcept {
  if (this != &other) {
    reset();
    subscribers_ = std::move(other.subscribers_);
    id_ = other.id_;
  }
  return *this;
}

ClockSubscription::~ClockSubscription() { reset(); }

void ClockSubscription::reset() {
  if (subscribers_) subscribers_->remove(id_);
  subscribers_.reset();
}

Clock::Clock() : subscribers_(std::make_shared<ClockSubscribers>()) {}

Clock::~Clock() = default;

void Clock::advance(double seconds) {
  shift(seconds);
  notify_moved();
}

ClockSubscription Clock::subscribe(std::function<void()> on_move) const {
  uint64_t id = subscribers_->add(std::move(on_move));
  return ClockSubscription(subscribers_, id);
}

void Clock::notify_moved() { subscribers_->call_all(); }

double WallClock::system_now() {
  using namespace std::chrono;
  return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
}

double WallClock::now() const { return system_now() + offset_.load(std::memory_order_relaxed); }

void WallClock::shift(double seconds) { offset_.fetch_add(seconds); }

ManualClock::ManualClock() : now_(WallClock::system_now()) {}

ManualClock::ManualClock(double start_epoch_seconds) : now_(start_epoch_seconds) {}

double ManualClock::now() const { return now_.load(); }

void ManualClock::set(double epoch_seconds) {
  now_.store(epoch_seconds);
  notify_moved();
}

void ManualClock::shift(double seconds) { now_.fetch_add(seconds); }

}  // namespace eddy
