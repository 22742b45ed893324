// RequestGate: lets a restore, a reset or a truncate (the admin API, docs/test-controls.md) run
// with nothing else touching the database, at almost no cost to the requests it waits for.
//
// Every request, and every pass of a background service, holds a Pass for as long as it uses the
// database. exclusive() closes the gate, waits until every Pass is left, runs its work and opens
// the gate again; a request that comes meanwhile waits at enter() and then sees the database as
// the work left it, never half of it.
//
// Each worker thread (and each background service) has a slot of its own, on its own cache line,
// so passing the gate shares nothing between threads: enter() is one store and one load of a flag
// that only exclusive() writes, and leave() one store (docs/performance.md, "The request gate",
// measures it against a std::shared_mutex taken shared). exclusive() is the rare, slow side: it
// writes the flag and reads every slot. The store in enter() and the flag's store in exclusive()
// are sequentially consistent, so that of two threads passing each other one always sees the
// other (the reader then waits, or the writer waits for the reader).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>

namespace eddy::server {

class RequestGate {
 public:
  // `slots`: how many threads may hold a Pass at once, each with its own index.
  explicit RequestGate(std::size_t slots);
  RequestGate(const RequestGate&) = delete;
  RequestGate& operator=(const RequestGate&) = delete;

  class Pass {
   public:
    Pass() = default;
    Pass(RequestGate* gate, std::size_t slot) : gate_(gate), slot_(slot) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_), slot_(other.slot_) { other.gate_ = nullptr; }
    Pass& operator=(Pass&& other) noexcept;
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    ~Pass() { leave(); }
    void leave();

   private:
    RequestGate* gate_ = nullptr;
    std::size_t slot_ = 0;
  };

  // Waits while an exclusive() runs. `slot` (below slots()) must not be held by another thread at
  // the same time: it is the caller's own (its worker index, or a background service's).
  Pass enter(std::size_t slot);
  // Runs `work` while no Pass is held; other callers of exclusive() wait for their turn. Must not
  // be called while the caller holds a Pass (it would wait for itself).
  void exclusive(const std::function<void()>& work);

  std::size_t slots() const { return slot_count_; }

 private:
  struct alignas(64) Slot {
    std::atomic<bool> held{false};
  };
  void leave(std::size_t slot);

  std::size_t slot_count_;
  std::unique_ptr<Slot[]> slots_;
  alignas(64) std::atomic<bool> closed_{false};
  std::mutex exclusive_mutex_;  // one exclusive() at a time
  std::mutex mutex_;            // for the waits below
  std::condition_variable opened_;
  std::condition_variable left_;
};

}  // namespace eddy::server
