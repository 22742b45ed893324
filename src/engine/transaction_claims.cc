// Items held by in-flight transactions; see transaction_claims.h.
#include "engine/transaction_claims.h"

namespace eddy::engine {

TransactionClaims::Claim& TransactionClaims::Claim::operator=(Claim&& other) noexcept {
  if (this != &other) {
    release();
    owner_ = other.owner_;
    keys_ = std::move(other.keys_);
    other.owner_ = nullptr;
  }
  return *this;
}

void TransactionClaims::Claim::release() {
  if (owner_ == nullptr) return;
  owner_->release(keys_);
  owner_ = nullptr;
  keys_.clear();
}

std::vector<std::size_t> TransactionClaims::busy(const std::vector<std::string>& keys) const {
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (held_.count(keys[i]) != 0) positions.push_back(i);
  }
  return positions;
}

std::vector<std::size_t> TransactionClaims::try_claim(const std::vector<std::string>& keys, Claim& claim,
                                                      std::chrono::milliseconds wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  std::vector<std::size_t> conflicts;
  auto deadline = std::chrono::steady_clock::now() + wait;
  // A bounded wait: transactions commit in well under a millisecond, so a short wait absorbs most
  // overlaps while a transaction stuck behind a long one still fails fast, as on DynamoDB.
  released_.wait_until(lock, deadline, [&] {
    conflicts = busy(keys);
    return conflicts.empty();
  });
  if (!conflicts.empty()) return conflicts;
  for (const auto& key : keys) held_.insert(key);
  held_count_.store(held_.size(), std::memory_order_release);
  lock.unlock();
  claim = Claim(this, keys);  // after unlocking: replacing a previous claim releases it
  return {};
}

bool TransactionClaims::held(const std::string& key) const {
  // Single-item writes ask this on every request: without any transaction in flight the answer
  // needs no lock, so unrelated writes never meet on this mutex.
  if (held_count_.load(std::memory_order_acquire) == 0) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  return held_.count(key) != 0;
}

void TransactionClaims::release(const std::vector<std::string>& keys) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& key : keys) held_.erase(key);
    held_count_.store(held_.size(), std::memory_order_release);
  }
  released_.notify_all();
}

}  // namespace eddy::engine
