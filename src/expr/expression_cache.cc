// The current thread's ExpressionCaches; see expression_cache.h.
#include "expr/expression_cache.h"

namespace eddy::expr {
namespace {

// Not a cache itself: a pointer to the caches the server owns, set for one request at a time.
thread_local ExpressionCaches* current_caches = nullptr;

}  // namespace

ExpressionCaches* ExpressionCaches::current() { return current_caches; }

ExpressionCaches::Scope::Scope(ExpressionCaches& caches) : previous_(current_caches) { current_caches = &caches; }

ExpressionCaches::Scope::~Scope() { current_caches = previous_; }

}  // namespace eddy::expr
