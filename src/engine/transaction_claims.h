// TransactionClaims: which items in-flight transactions hold, so that a second transaction naming
// one of them is refused (TransactionConflict) as DynamoDB refuses it, instead of silently queueing
// behind the first, and a single-item write on one of them fails with TransactionConflictException
// (see docs/transactions.md).
//
// Claims are all-or-nothing: a transaction claims every item it names at once or none, so two
// transactions never hold parts of each other's items and cannot deadlock.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

namespace eddy::engine {

class TransactionClaims {
 public:
  // Default: 20 ms. How long a transaction waits for another to release an item before it gives up.
  static constexpr std::chrono::milliseconds kDefaultWait{20};

  // Holds the claimed items until destroyed (or released).
  class Claim {
   public:
    Claim() = default;
    Claim(TransactionClaims* owner, std::vector<std::string> keys) : owner_(owner), keys_(std::move(keys)) {}
    Claim(Claim&& other) noexcept : owner_(other.owner_), keys_(std::move(other.keys_)) { other.owner_ = nullptr; }
    Claim& operator=(Claim&& other) noexcept;
    ~Claim() { release(); }
    void release();

   private:
    TransactionClaims* owner_ = nullptr;
    std::vector<std::string> keys_;
  };

  // Claims every key (RocksDB item keys, distinct) or none. Returns the positions of the keys that
  // another transaction still holds after waiting up to `wait`; empty means `claim` now holds them.
  std::vector<std::size_t> try_claim(const std::vector<std::string>& keys, Claim& claim,
                                     std::chrono::milliseconds wait = kDefaultWait);
  // True when an in-flight transaction holds `key` (BatchWriteItem leaves such items unprocessed).
  bool held(const std::string& key) const;

 private:
  std::vector<std::size_t> busy(const std::vector<std::string>& keys) const;
  void release(const std::vector<std::string>& keys);

  mutable std::mutex mutex_;
  std::condition_variable released_;
  std::unordered_set<std::string> held_;
  std::atomic<std::size_t> held_count_{0};  // held_.size(), readable without the mutex
};

}  // namespace eddy::engine
