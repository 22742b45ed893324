// A small thread-safe cache of parsed expression trees, keyed by expression kind and text.
// Only trees before placeholder resolution are cached (they depend on the text alone), so a
// repeated request skips tokenizing, parsing and the text-only checks.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace eddy::expr {

template <typename Tree>
class ExpressionCache {
 public:
  explicit ExpressionCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const Tree> find(std::string_view text) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(std::string(text));
    return it == entries_.end() ? nullptr : it->second;
  }

  void insert(std::string_view text, std::shared_ptr<const Tree> tree) {
    std::lock_guard<std::mutex> lock(mutex_);
    // Dropping everything when full keeps the cache bounded without bookkeeping on every hit;
    // workloads use few distinct expressions, so it refills at once.
    if (entries_.size() >= capacity_) entries_.clear();
    entries_.emplace(std::string(text), std::move(tree));
  }

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Tree>> entries_;
};

// Entries per expression kind.
inline constexpr std::size_t kExpressionCacheCapacity = 4096;

}  // namespace eddy::expr
