// ClientRequestToken idempotency; see transaction_tokens.h.
#include "engine/transaction_tokens.h"

namespace eddy::engine {

void TransactionTokens::forget_expired(double now) {
  if (now < next_sweep_) return;
  next_sweep_ = now + 10;  // a sweep at most every 10 s keeps lookups O(1) on average
  for (auto it = entries_.begin(); it != entries_.end();) {
    it = it->second.done && it->second.expires <= now ? entries_.erase(it) : std::next(it);
  }
}

TransactionTokens::Lookup TransactionTokens::begin(const std::string& token, uint64_t fingerprint, double now) {
  std::lock_guard<std::mutex> lock(mutex_);
  forget_expired(now);
  auto it = entries_.find(token);
  if (it != entries_.end() && it->second.done && it->second.expires <= now) {
    entries_.erase(it);
    it = entries_.end();
  }
  if (it == entries_.end()) {
    entries_[token] = Entry{fingerprint, false, 0, {}};
    return {Status::kNew, {}};
  }
  const Entry& entry = it->second;
  if (entry.fingerprint != fingerprint) return {Status::kMismatch, {}};
  if (!entry.done) return {Status::kInProgress, {}};
  return {Status::kReplay, entry.response};
}

void TransactionTokens::finish(const std::string& token, std::string response, double now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(token);
  if (it == entries_.end()) return;
  it->second.done = true;
  it->second.expires = now + kLifetimeSeconds;
  it->second.response = std::move(response);
}

void TransactionTokens::abandon(const std::string& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(token);
  if (it != entries_.end() && !it->second.done) entries_.erase(it);
}

void TransactionTokens::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
}

}  // namespace eddy::engine
