// TriggerWaits: the threads that answer GET /eddy/v1/triggers/<UUID>/wait. A wait polls the
// mapping's progress (TriggerService::wait_delivered in short slices) on a thread of its own, so
// that a pending wait holds no worker; stop() ends every wait (answered false) and joins them.
#pragma once

#include <atomic>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <thread>

#include "model/api_error.h"
#include "triggers/trigger_service.h"

namespace eddy::server {

class TriggerWaits {
 public:
  TriggerWaits() = default;
  ~TriggerWaits() { stop(); }
  TriggerWaits(const TriggerWaits&) = delete;
  TriggerWaits& operator=(const TriggerWaits&) = delete;

  // See admin::ServerControl::wait_trigger_delivered. After stop(), `done(false)` at once.
  void wait(triggers::TriggerService& triggers, const std::string& uuid, double idle_seconds,
            std::function<bool()> give_up, std::function<void(Result<bool>)> done);
  void stop();

 private:
  struct Waiter {
    std::thread thread;
    std::atomic<bool> finished{false};
  };
  void reap_locked();

  std::mutex mutex_;
  std::list<Waiter> waiters_;
  std::atomic<bool> stopping_{false};
};

}  // namespace eddy::server
