// Parsed expression trees are kept in the ExpressionCaches that a Scope makes current (the
// server's per-worker caches), by text, before placeholders are resolved; without a Scope nothing
// is kept.
#include <gtest/gtest.h>

#include "expr/ast.h"
#include "expr/expression.h"
#include "expr/expression_cache.h"

namespace eddy::expr {
namespace {

AttributeMap values() { return {{":v", AttributeValue::number("1")}, {":w", AttributeValue::number("2")}}; }

TEST(ExpressionCacheTest, AScopeKeepsEachTextOnce) {
  ExpressionCaches caches;
  AttributeMap v = values();
  {
    ExpressionCaches::Scope scope(caches);
    ExpressionAttributes first(nullptr, &v);
    ASSERT_TRUE(parse_condition("a = :v", "ConditionExpression", first));
    ExpressionAttributes again(nullptr, &v);
    auto repeated = parse_condition("a = :v", "ConditionExpression", again);
    ASSERT_TRUE(repeated);
    EXPECT_EQ(caches.conditions.size(), 1u);
    // The cached tree is resolved afresh for each request: this one used :v as well.
    EXPECT_EQ(again.used_values().count(":v"), 1u);

    ExpressionAttributes update(nullptr, &v);
    ASSERT_TRUE(parse_update("SET b = :v", update, {}));
    ExpressionAttributes projection(nullptr, nullptr);
    ASSERT_TRUE(parse_projection("a, b.c", projection));
    EXPECT_EQ(caches.updates.size(), 1u);
    EXPECT_EQ(caches.projections.size(), 1u);
  }
  ExpressionAttributes outside(nullptr, &v);
  ASSERT_TRUE(parse_condition("a = :w", "ConditionExpression", outside));
  EXPECT_EQ(caches.conditions.size(), 1u);  // no Scope: not kept
  EXPECT_EQ(ExpressionCaches::current(), nullptr);
}

TEST(ExpressionCacheTest, ScopesNestAndRestore) {
  ExpressionCaches outer;
  ExpressionCaches inner;
  ExpressionCaches::Scope a(outer);
  {
    ExpressionCaches::Scope b(inner);
    EXPECT_EQ(ExpressionCaches::current(), &inner);
  }
  EXPECT_EQ(ExpressionCaches::current(), &outer);
}

TEST(ExpressionCacheTest, ErrorsAreNotKept) {
  ExpressionCaches caches;
  ExpressionCaches::Scope scope(caches);
  ExpressionAttributes attrs(nullptr, nullptr);
  auto bad = parse_condition("a = = b", "ConditionExpression", attrs);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.rfind("Invalid ConditionExpression: Syntax error;", 0), 0u) << bad.error().message;
  EXPECT_EQ(caches.conditions.size(), 0u);
}

TEST(ExpressionCacheTest, AFullCacheStartsOver) {
  ExpressionCache<ConditionTree> cache(2);
  auto tree = std::make_shared<const ConditionTree>();
  cache.insert("a", tree);
  cache.insert("b", tree);
  EXPECT_EQ(cache.find("a"), tree);
  cache.insert("c", tree);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.find("c"), tree);
}

}  // namespace
}  // namespace eddy::expr
