// Fault rules: matching by operation and table, counts, probabilities with
// seeds, durations.
#include "admin/fault_rules.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace eddy::admin {
namespace {

FaultRule throttle() {
  FaultRule rule;
  rule.error = "ThrottlingException";
  return rule;
}

TEST(FaultRules, NoRuleNoFault) {
  FaultRules rules;
  EXPECT_FALSE(rules.any());
  EXPECT_FALSE(rules.match("PutItem", {"Orders"}, 0).has_value());
}

TEST(FaultRules, MatchesOperationsAndTables) {
  FaultRules rules;
  FaultRule rule = throttle();
  rule.operations = {"PutItem"};
  rule.tables = {"Orders"};
  rules.add(rule, 0);
  EXPECT_TRUE(rules.any());
  EXPECT_TRUE(rules.match("PutItem", {"Orders"}, 0).has_value());
  EXPECT_TRUE(rules.match("PutItem", {"Other", "Orders"}, 0).has_value());
  EXPECT_FALSE(rules.match("PutItem", {"Other"}, 0).has_value());
  EXPECT_FALSE(rules.match("GetItem", {"Orders"}, 0).has_value());
  EXPECT_FALSE(rules.match("ListTables", {}, 0).has_value());
}

TEST(FaultRules, ACountIsUsedUpAndTheRuleGoes) {
  FaultRules rules;
  FaultRule rule = throttle();
  rule.count = 2;
  uint64_t id = rules.add(rule, 0).id;
  EXPECT_TRUE(rules.match("PutItem", {}, 0).has_value());
  ASSERT_EQ(rules.list(0).size(), 1u);
  EXPECT_EQ(rules.list(0)[0].applied, 1u);
  EXPECT_TRUE(rules.match("PutItem", {}, 0).has_value());
  EXPECT_FALSE(rules.match("PutItem", {}, 0).has_value());
  EXPECT_TRUE(rules.list(0).empty());
  EXPECT_FALSE(rules.any());
  EXPECT_FALSE(rules.remove(id));
}

TEST(FaultRules, TheFirstMatchingRuleApplies) {
  FaultRules rules;
  FaultRule latency;
  latency.action = FaultRule::Action::kLatency;
  latency.latency_ms = 7;
  latency.operations = {"GetItem"};
  rules.add(latency, 0);
  rules.add(throttle(), 0);
  EXPECT_EQ(rules.match("GetItem", {}, 0)->action, FaultRule::Action::kLatency);
  EXPECT_EQ(rules.match("PutItem", {}, 0)->error, "ThrottlingException");
}

TEST(FaultRules, ADurationEndsOnTheClock) {
  FaultRules rules;
  FaultRule rule = throttle();
  rule.expires_at = 100;
  rules.add(rule, 40);
  EXPECT_TRUE(rules.match("PutItem", {}, 99).has_value());
  EXPECT_FALSE(rules.match("PutItem", {}, 100).has_value());
  EXPECT_TRUE(rules.list(100).empty());
}

std::vector<bool> draws(uint64_t seed) {
  FaultRules rules;
  FaultRule rule = throttle();
  rule.probability = 0.5;
  rule.seed = seed;
  rules.add(rule, 0);
  std::vector<bool> out;
  out.reserve(64);
  for (int i = 0; i < 64; ++i) out.push_back(rules.match("PutItem", {}, 0).has_value());
  return out;
}

TEST(FaultRules, AProbabilityWithASeedRepeats) {
  std::vector<bool> first = draws(42);
  EXPECT_EQ(draws(42), first);
  EXPECT_NE(draws(43), first);
  auto hits = std::count(first.begin(), first.end(), true);
  EXPECT_GT(hits, 10);
  EXPECT_LT(hits, 54);
}

TEST(FaultRules, RemoveAndClear) {
  FaultRules rules;
  uint64_t one = rules.add(throttle(), 0).id;
  uint64_t two = rules.add(throttle(), 0).id;
  EXPECT_NE(one, two);
  EXPECT_TRUE(rules.remove(one));
  EXPECT_FALSE(rules.remove(one));
  ASSERT_EQ(rules.list(0).size(), 1u);
  EXPECT_EQ(rules.list(0)[0].id, two);
  rules.clear();
  EXPECT_FALSE(rules.any());
}

}  // namespace
}  // namespace eddy::admin
