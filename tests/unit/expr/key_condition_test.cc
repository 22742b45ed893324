// KeyConditionExpression against a table keyed by pk (partition) and sk (sort).
#include "expr/key_condition.h"
#include "test_support.h"

namespace eddy::expr::testing {
namespace {

constexpr const char* kValues = R"({":s":{"S":"x"},":t":{"S":"y"},":n":{"N":"1"}})";

Result<KeyCondition> key(const std::string& text, const Names& names = {}) {
  static AttributeMap values = json_map(kValues);
  ExpressionAttributes attrs(names.empty() ? nullptr : &names, &values);
  return parse_key_condition(text, attrs, {"pk"}, {"sk"});
}

std::string err(const std::string& text) {
  auto parsed = key(text);
  return parsed ? std::string() : parsed.error().message;
}

TEST(KeyCondition, AcceptedForms) {
  auto k = key("pk = :s AND sk BETWEEN :s AND :t");
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->partition.at(0).first, "pk");
  EXPECT_EQ(k->sort_op, KeyCondition::SortOp::kBetween);
  EXPECT_EQ(k->sort_value2.scalar, "y");
  k = key(":t > sk AND pk = :s");  // value first: the comparison is turned around
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->sort_op, KeyCondition::SortOp::kLt);
  EXPECT_EQ(key("pk = :s AND begins_with(sk, :s)")->sort_op, KeyCondition::SortOp::kBeginsWith);
  EXPECT_EQ(key("pk = :s")->sort_op, KeyCondition::SortOp::kNone);
  for (const char* text : {"(pk = :s) AND (sk = :t)", "pk = :s AND (sk = :t)", "(pk = :s AND sk = :t)", ":s = pk"}) {
    EXPECT_EQ(err(text), "") << text;
  }
  EXPECT_TRUE(key("#p = :s", {{"#p", "pk"}}).has_value());
}

TEST(KeyCondition, DynamoDbMessages) {
  EXPECT_EQ(err("pk = :s AND sk <> :t"), "Invalid operator used in KeyConditionExpression: <>");
  EXPECT_EQ(err("pk < :s"), "Query key condition not supported");
  EXPECT_EQ(err("begins_with(pk, :s)"), "Query key condition not supported");
  EXPECT_EQ(err("sk = :s"), "Query condition missed key schema element: pk");
  EXPECT_EQ(err("pk = :s AND x = :s"), "Query key condition not supported");
  EXPECT_EQ(err("pk = :s OR sk = :t"), "Invalid operator used in KeyConditionExpression: OR");
  EXPECT_EQ(err("NOT pk = :s"), "Invalid operator used in KeyConditionExpression: NOT");
  EXPECT_EQ(err("pk IN (:s)"), "Invalid operator used in KeyConditionExpression: IN");
  EXPECT_EQ(err("pk = :s AND attribute_exists(sk)"),
            "Invalid operator used in KeyConditionExpression: attribute_exists");
  EXPECT_EQ(err("pk = :s AND contains(sk, :s)"), "Invalid operator used in KeyConditionExpression: contains");
  EXPECT_EQ(err("pk = :s AND pk = :t"), "KeyConditionExpressions must only contain one condition per key");
  EXPECT_EQ(err("pk = :s AND size(sk) = :n"), "KeyConditionExpressions cannot contain nested operations");
  EXPECT_EQ(err("pk = pk"),
            "Invalid KeyConditionExpression: The first operand must be distinct from the remaining "
            "operands for this operator or function; operator: =, first operand: [pk]");
  EXPECT_EQ(err("pk = sk"),
            "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
  EXPECT_EQ(err("pk = :s AND begins_with(sk, :n)"),
            "Invalid KeyConditionExpression: Incorrect operand type for "
            "operator or function; operator or function: begins_with, operand type: N");
  EXPECT_EQ(err("pk = :s AND sk BETWEEN :t AND :s"),
            "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
            "lower bound; lower bound operand: AttributeValue: {S:y}, upper bound operand: AttributeValue: {S:x}");
  EXPECT_EQ(err("pk = :s AND sk.x = :t"), "KeyConditionExpressions cannot have conditions on nested attributes");
  EXPECT_EQ(err("pk[0] = :s"), "KeyConditionExpressions cannot have conditions on nested attributes");
  EXPECT_EQ(err("pk = :s AND x = :s AND y = :s"), "Conditions can be of length 1 or 2 only");
  EXPECT_EQ(err("year = :s"),
            "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: year");
  EXPECT_EQ(
      err("pk = :s AND begins_with(:s, sk)"),
      "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first "
      "operand");
}

TEST(KeyCondition, ValueTypesMustMatchSchema) {
  auto k = key("pk = :n");
  ASSERT_TRUE(k.has_value());
  auto checked = check_key_condition_types(*k, {{"pk", AttributeType::kS}, {"sk", AttributeType::kS}});
  ASSERT_FALSE(checked.has_value());
  EXPECT_EQ(checked.error().message,
            "One or more parameter values were invalid: Condition parameter type does not match schema type");
  EXPECT_TRUE(check_key_condition_types(*key("pk = :s"), {{"pk", AttributeType::kS}}).has_value());
}

TEST(KeyCondition, MultiAttributeKeys) {
  static AttributeMap values = json_map(kValues);
  ExpressionAttributes attrs(nullptr, &values);
  auto k = parse_key_condition("p1 = :s AND p2 = :t AND s1 = :s AND s2 > :n", attrs, {"p1", "p2"}, {"s1", "s2", "s3"});
  ASSERT_TRUE(k.has_value()) << k.error().message;
  EXPECT_EQ(k->partition.size(), 2u);
  EXPECT_EQ(k->sort_prefix.size(), 1u);
  EXPECT_EQ(k->sort_key, "s2");
  EXPECT_EQ(k->sort_op, KeyCondition::SortOp::kGt);
  ExpressionAttributes attrs2(nullptr, &values);
  auto skipped = parse_key_condition("p1 = :s AND p2 = :t AND s2 = :s", attrs2, {"p1", "p2"}, {"s1", "s2"});
  EXPECT_FALSE(skipped.has_value());
}

}  // namespace
}  // namespace eddy::expr::testing
