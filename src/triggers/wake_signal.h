// WakeSignal: what the triggers' threads wait on instead of polling. It is raised when a stream
// record becomes readable (Streams's record listener), when the clock moves, when a mapping
// changes and when eddy stops; a waiter wakes when it was raised since it last looked, or after
// its real-time cap, whichever is first.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace eddy::triggers {

class WakeSignal {
 public:
  // The count of raises so far; pass it to wait_for.
  uint64_t generation() {
    std::lock_guard<std::mutex> lock(mutex_);
    return generation_;
  }

  void raise() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++generation_;
    }
    changed_.notify_all();
  }

  // Waits until raised after `seen` or `seconds` of real time have passed. Returns the generation.
  uint64_t wait_for(uint64_t seen, double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return generation_ != seen; });
    return generation_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t generation_ = 0;
};

}  // namespace eddy::triggers
