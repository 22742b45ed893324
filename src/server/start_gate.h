// StartGate: holds the requests that arrive while storage is still opening.
//
// eddy binds its port and starts its worker threads before RocksDB has opened the data folder, so
// that starting the threads, accepting the first connection and reading its request overlap the
// open (docs/performance.md, Cold start). A request that arrives meanwhile waits here for the
// dispatcher; afterwards passing the gate is one atomic load.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "server/dispatcher.h"

namespace eddy::server {

class StartGate {
 public:
  // The dispatcher once the server has started; nullptr when the start failed.
  Dispatcher* wait() {
    if (Dispatcher* ready = dispatcher_.load(std::memory_order_acquire)) return ready;
    std::unique_lock<std::mutex> lock(mutex_);
    decided_changed_.wait(lock, [this] { return decided_; });
    return dispatcher_.load(std::memory_order_acquire);
  }

  void open(Dispatcher* dispatcher) { decide(dispatcher); }
  void fail() { decide(nullptr); }

 private:
  void decide(Dispatcher* dispatcher) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      dispatcher_.store(dispatcher, std::memory_order_release);
      decided_ = true;
    }
    decided_changed_.notify_all();
  }

  std::atomic<Dispatcher*> dispatcher_{nullptr};
  std::mutex mutex_;
  std::condition_variable decided_changed_;
  bool decided_ = false;
};

}  // namespace eddy::server
