// ExpressionCaches: parsed expression trees kept by text, so that a repeated request skips
// tokenizing, parsing and the text-only checks. Only trees before placeholder resolution are kept
// (they depend on the text alone); each request resolves its own copy.
//
// The server owns one ExpressionCaches per worker thread (server/dispatcher.h), and the dispatcher
// makes the worker's caches current for the length of each request with a Scope. Parsing code
// finds them with ExpressionCaches::current(), so that requests on different workers never share a
// lock or a cache line; with no Scope (a unit test, a background task) every parse starts afresh.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace eddy::expr {

struct ConditionTree;
struct UpdateTree;
struct ProjectionTree;

// A bounded map from expression text to its tree. Used by one thread at a time, so it has no lock.
template <typename Tree>
class ExpressionCache {
 public:
  explicit ExpressionCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const Tree> find(std::string_view text) const {
    auto it = entries_.find(text);
    return it == entries_.end() ? nullptr : it->second;
  }

  void insert(std::string_view text, std::shared_ptr<const Tree> tree) {
    // Dropping everything when full keeps the cache bounded without bookkeeping on every hit;
    // workloads use few distinct expressions, so it refills at once.
    if (entries_.size() >= capacity_) entries_.clear();
    entries_.emplace(std::string(text), std::move(tree));
  }

  std::size_t size() const { return entries_.size(); }

 private:
  // Looked up by string_view without building a std::string per request.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::size_t capacity_;
  std::unordered_map<std::string, std::shared_ptr<const Tree>, TextHash, std::equal_to<>> entries_;
};

// Entries per expression kind and worker.
inline constexpr std::size_t kExpressionCacheCapacity = 1024;

class ExpressionCaches {
 public:
  explicit ExpressionCaches(std::size_t capacity = kExpressionCacheCapacity)
      : conditions(capacity), updates(capacity), projections(capacity) {}

  // ConditionExpression, FilterExpression and the condition half of KeyConditionExpression.
  ExpressionCache<ConditionTree> conditions;
  ExpressionCache<UpdateTree> updates;
  ExpressionCache<ProjectionTree> projections;

  // The caches made current on this thread by the innermost Scope; nullptr when there is none.
  static ExpressionCaches* current();

  // Makes `caches` current on this thread until the Scope ends, then restores the previous ones.
  class Scope {
   public:
    explicit Scope(ExpressionCaches& caches);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    ExpressionCaches* previous_;
  };
};

}  // namespace eddy::expr
