// The threads of the triggers' waits; see trigger_waits.h.
#include "server/trigger_waits.h"

#include <chrono>
#include <optional>

namespace eddy::server {
namespace {

// How long one look at the mapping's progress may wait before the waiter checks whether the
// client still waits and whether eddy stops.
constexpr double kSliceSeconds = 0.05;

}  // namespace

void TriggerWaits::wait(triggers::TriggerService& triggers, const std::string& uuid, double idle_seconds,
                        std::function<bool()> give_up, std::function<void(Result<bool>)> done) {
  std::lock_guard<std::mutex> lock(mutex_);
  reap_locked();
  if (stopping_.load()) {
    done(false);
    return;
  }
  Waiter& waiter = waiters_.emplace_back();
  waiter.thread =
      std::thread([this, &triggers, uuid, idle_seconds, give_up = std::move(give_up), done = std::move(done), &waiter] {
        // Caught up without a break for idle_seconds (real time): a record that arrives meanwhile
        // starts the quiet period again.
        std::optional<std::chrono::steady_clock::time_point> quiet_since;
        while (true) {
          Result<bool> delivered = triggers.wait_delivered(uuid, kSliceSeconds);
          if (!delivered) {
            done(std::move(delivered));
            break;
          }
          auto now = std::chrono::steady_clock::now();
          if (!*delivered) {
            quiet_since.reset();
          } else if (!quiet_since) {
            quiet_since = now;
          }
          if (quiet_since && now - *quiet_since >= std::chrono::duration<double>(idle_seconds)) {
            done(true);
            break;
          }
          if (stopping_.load() || give_up()) {
            done(false);
            break;
          }
          if (*delivered) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        waiter.finished.store(true);
      });
}

void TriggerWaits::stop() {
  std::list<Waiter> all;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_.store(true);
    all.splice(all.end(), waiters_);
  }
  for (Waiter& waiter : all) {
    if (waiter.thread.joinable()) waiter.thread.join();
  }
}

// Waits that have answered are joined (at once: their threads have ended or are ending) and let go.
void TriggerWaits::reap_locked() {
  for (auto it = waiters_.begin(); it != waiters_.end();) {
    if (!it->finished.load()) {
      ++it;
      continue;
    }
    if (it->thread.joinable()) it->thread.join();
    it = waiters_.erase(it);
  }
}

}  // namespace eddy::server
