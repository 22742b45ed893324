// The request gate; see request_gate.h.
#include "server/request_gate.h"

namespace eddy::server {

RequestGate::RequestGate(std::size_t slots)
    : slot_count_(slots == 0 ? 1 : slots), slots_(std::make_unique<Slot[]>(slot_count_)) {}

RequestGate::Pass& RequestGate::Pass::operator=(Pass&& other) noexcept {
  if (this != &other) {
    leave();
    gate_ = other.gate_;
    slot_ = other.slot_;
    other.gate_ = nullptr;
  }
  return *this;
}

void RequestGate::Pass::leave() {
  if (gate_ == nullptr) return;
  gate_->leave(slot_);
  gate_ = nullptr;
}

RequestGate::Pass RequestGate::enter(std::size_t slot) {
  Slot& own = slots_[slot % slot_count_];
  while (true) {
    own.held.store(true, std::memory_order_seq_cst);
    if (!closed_.load(std::memory_order_seq_cst)) return Pass(this, slot % slot_count_);
    // Closed: step back (the exclusive side may be waiting for this very slot) and wait.
    leave(slot % slot_count_);
    std::unique_lock<std::mutex> lock(mutex_);
    opened_.wait(lock, [this] { return !closed_.load(std::memory_order_seq_cst); });
  }
}

void RequestGate::leave(std::size_t slot) {
  slots_[slot].held.store(false, std::memory_order_seq_cst);
  if (closed_.load(std::memory_order_seq_cst)) {
    // Taking the mutex orders this wake-up after the exclusive side's check of the slots.
    std::lock_guard<std::mutex> lock(mutex_);
    left_.notify_all();
  }
}

void RequestGate::exclusive(const std::function<void()>& work) {
  std::lock_guard<std::mutex> one_at_a_time(exclusive_mutex_);
  {
    std::unique_lock<std::mutex> lock(mutex_);
    closed_.store(true, std::memory_order_seq_cst);
    left_.wait(lock, [this] {
      for (std::size_t i = 0; i < slot_count_; ++i) {
        if (slots_[i].held.load(std::memory_order_seq_cst)) return false;
      }
      return true;
    });
  }
  // Opens the gate also when `work` throws (a bug, caught and logged by the caller).
  struct Reopen {
    RequestGate& gate;
    ~Reopen() {
      {
        std::lock_guard<std::mutex> lock(gate.mutex_);
        gate.closed_.store(false, std::memory_order_seq_cst);
      }
      gate.opened_.notify_all();
    }
  } reopen{*this};
  work();
}

}  // namespace eddy::server
