// Striped item locks; see key_locks.h.
#include "engine/key_locks.h"

#include <algorithm>
#include <functional>
#include <string>

namespace eddy::engine {

std::size_t KeyLocks::stripe_of(std::string_view item_key) {
  return std::hash<std::string_view>{}(item_key) % kStripes;
}

KeyLocks::Guard::Guard(KeyLocks& locks, std::vector<std::size_t> stripes)
    : locks_(&locks), stripes_(std::move(stripes)) {
  std::sort(stripes_.begin(), stripes_.end());
  stripes_.erase(std::unique(stripes_.begin(), stripes_.end()), stripes_.end());
  for (std::size_t stripe : stripes_) locks_->stripes_[stripe].lock();
}

KeyLocks::Guard::~Guard() {
  if (locks_ == nullptr) return;
  for (auto it = stripes_.rbegin(); it != stripes_.rend(); ++it) locks_->stripes_[*it].unlock();
}

KeyLocks::Guard KeyLocks::lock(std::string_view item_key) { return Guard(*this, {stripe_of(item_key)}); }

KeyLocks::Guard KeyLocks::lock_all(const std::vector<std::string>& item_keys) {
  std::vector<std::size_t> stripes;
  stripes.reserve(item_keys.size());
  for (const auto& key : item_keys) stripes.push_back(stripe_of(key));
  return Guard(*this, std::move(stripes));
}

}  // namespace eddy::engine
