// Legacy parameters (Expected, filters, KeyConditions, AttributeUpdates, AttributesToGet) read from
// request JSON as a request's members are (protocol/requests/legacy_parameters.h) and translated into
// expression trees (expr/legacy.h); messages copied from DynamoDB.
#include "expr/legacy.h"
#include "model/result.h"
#include "protocol/json_reading.h"
#include "protocol/requests/legacy_parameters.h"
#include "test_support.h"

namespace eddy::expr::testing {
namespace {

using protocol::check_parameter_mix;
using protocol::request_parameter_use;

JsonDocument request(const std::string& json) {
  JsonDocument doc;
  doc.Parse(json.c_str());
  EXPECT_FALSE(doc.HasParseError()) << json;
  return doc;
}

// The conditions map `member` of `doc`, with its operator names checked.
Result<std::vector<LegacyCondition>> conditions_of(const JsonValue& doc, const char* member) {
  std::optional<std::vector<LegacyCondition>> conditions;
  EDDY_TRY_VOID(protocol::read_legacy_conditions(protocol::json_member(doc, member), conditions, "Condition"));
  EDDY_TRY_VOID(protocol::check_comparison_operators(doc, member));
  return conditions.value_or(std::vector<LegacyCondition>{});
}

// Whether ConditionalOperator asks for OR, checked against `count` conditions.
Result<bool> use_or(const JsonValue& doc, std::size_t count) {
  std::optional<std::string> op;
  EDDY_TRY_VOID(protocol::read_value(protocol::json_member(doc, "ConditionalOperator"), op));
  EDDY_TRY_VOID(protocol::check_conditional_operator(op, count));
  return op == "OR";
}

Result<Condition> legacy_expected(const JsonValue& doc) {
  EDDY_TRY(auto conditions, conditions_of(doc, "Expected"));
  EDDY_TRY(bool or_joined, use_or(doc, conditions.size()));
  return legacy_condition(conditions, or_joined, true);
}

Result<Condition> legacy_filter(const JsonValue& doc, const char* member, const std::vector<std::string>& keys) {
  EDDY_TRY(auto conditions, conditions_of(doc, member));
  EDDY_TRY(bool or_joined, use_or(doc, conditions.size()));
  return expr::legacy_filter(conditions, or_joined,
                             std::string_view(member) == "QueryFilter" ? keys : std::vector<std::string>{});
}

Result<KeyCondition> legacy_key_conditions(const JsonValue& doc, const std::vector<std::string>& partition,
                                           const std::vector<std::string>& sort) {
  EDDY_TRY(auto conditions, conditions_of(doc, "KeyConditions"));
  return legacy_key_condition(conditions, partition, sort);
}

Result<Update> legacy_attribute_updates(const JsonValue& doc, const std::vector<std::string>& keys) {
  std::optional<std::vector<LegacyAttributeUpdate>> updates;
  EDDY_TRY_VOID(protocol::read_attribute_updates(protocol::json_member(doc, "AttributeUpdates"), updates));
  EDDY_TRY_VOID(protocol::check_attribute_update_actions(doc));
  return legacy_update(updates.value_or(std::vector<LegacyAttributeUpdate>{}), keys);
}

Result<Projection> legacy_attributes_to_get(const JsonValue& doc) {
  std::optional<std::vector<std::string>> names;
  EDDY_TRY_VOID(protocol::read_value(protocol::json_member(doc, "AttributesToGet"), names));
  return legacy_projection(names.value_or(std::vector<std::string>{}));
}

std::string expected_error(const std::string& json) {
  auto doc = request(json);
  auto condition = legacy_expected(doc);
  return condition ? "" : condition.error().message;
}

bool expected_holds(const std::string& json, const std::string& item) {
  auto doc = request(json);
  auto condition = legacy_expected(doc);
  EXPECT_TRUE(condition.has_value()) << json << ": " << (condition ? "" : condition.error().message);
  return condition && *condition->evaluate(json_map(item));
}

constexpr const char* kItem = R"({"a":{"S":"x"},"n":{"N":"5"},"l":{"L":[{"S":"x"}]},"ss":{"SS":["p","q"]}})";

TEST(LegacyExpected, Evaluates) {
  EXPECT_TRUE(expected_holds(R"({"Expected":{"a":{"Value":{"S":"x"}}}})", kItem));
  EXPECT_FALSE(expected_holds(R"({"Expected":{"a":{"Value":{"S":"y"}}}})", kItem));
  EXPECT_TRUE(expected_holds(R"({"Expected":{"a":{"Value":{"S":"x"},"ComparisonOperator":"EQ"}}})", kItem));
  EXPECT_TRUE(expected_holds(R"({"Expected":{"zz":{"Exists":false}}})", kItem));
  EXPECT_TRUE(expected_holds(
      R"({"Expected":{"a":{"Value":{"S":"y"}},"zz":{"Exists":false}},"ConditionalOperator":"OR"})", kItem));
  EXPECT_FALSE(expected_holds(R"({"Expected":{"a":{"Value":{"S":"y"}},"zz":{"Exists":false}}})", kItem));
  EXPECT_TRUE(
      expected_holds(R"({"Expected":{"zz":{"ComparisonOperator":"NE","AttributeValueList":[{"S":"x"}]}}})", kItem));
  EXPECT_FALSE(expected_holds(
      R"({"Expected":{"zz":{"ComparisonOperator":"NOT_CONTAINS","AttributeValueList":[{"S":"x"}]}}})", kItem));
  EXPECT_TRUE(expected_holds(
      R"({"Expected":{"ss":{"ComparisonOperator":"NOT_CONTAINS","AttributeValueList":[{"S":"z"}]}}})", kItem));
  EXPECT_TRUE(expected_holds(R"({"Expected":{"l":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"S":"x"}]}}})",
                             kItem));
  EXPECT_TRUE(expected_holds(
      R"({"Expected":{"n":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"9"}]}}})", kItem));
  EXPECT_TRUE(expected_holds(
      R"({"Expected":{"n":{"ComparisonOperator":"IN","AttributeValueList":[{"N":"1"},{"N":"5"}]}}})", kItem));
  EXPECT_TRUE(expected_holds(R"({"Expected":{"n":{"ComparisonOperator":"NOT_NULL"}}})", kItem));
  EXPECT_TRUE(expected_holds(R"({"Expected":{"zz":{"ComparisonOperator":"NULL"}}})", kItem));
  EXPECT_TRUE(expected_holds(
      R"({"Expected":{"a":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"x"}]}}})", kItem));
}

TEST(LegacyExpected, DynamoDbMessages) {
  const std::string p = "One or more parameter values were invalid: ";
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"S":"x"}]}}})"),
            p + "Invalid number of argument(s) for the BETWEEN ComparisonOperator");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"ComparisonOperator":"EQ","AttributeValueList":[]}}})"),
            p + "Invalid number of argument(s) for the EQ ComparisonOperator");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"ComparisonOperator":"NULL","AttributeValueList":[{"S":"x"}]}}})"),
            p + "Invalid number of argument(s) for the NULL ComparisonOperator");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"ComparisonOperator":"IN","AttributeValueList":[]}}})"),
            p + "Invalid number of argument(s) for the IN ComparisonOperator");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"ComparisonOperator":"FOO","AttributeValueList":[{"S":"x"}]}}})"),
            "Comparison type does not exist in DynamoDB");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"ComparisonOperator":"LT","AttributeValueList":[{"BOOL":true}]}}})"),
            p + "ComparisonOperator LT is not valid for BOOL AttributeValue type");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"L":[]}]}}})"),
            p + "ComparisonOperator CONTAINS is not valid for L AttributeValue type");
  EXPECT_EQ(
      expected_error(R"({"Expected":{"a":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"N":"1"}]}}})"),
      p + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"ComparisonOperator":"IN","AttributeValueList":[{"SS":["x"]}]}}})"),
            p + "ComparisonOperator IN is not valid for SS AttributeValue type");
  EXPECT_EQ(
      expected_error(R"({"Expected":{"a":{"ComparisonOperator":"IN","AttributeValueList":[{"S":"x"},{"N":"1"}]}}})"),
      p + "AttributeValues inside AttributeValueList must be of same type");
  EXPECT_EQ(expected_error(
                R"({"Expected":{"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"2"},{"N":"1"}]}}})"),
            "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"Exists":true}}})"),
            p + "Value must be provided when Exists is true for Attribute: a");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"Exists":false,"Value":{"S":"x"}}}})"),
            p + "Value cannot be used when Exists is false for Attribute: a");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"Value":{"S":"x"},"AttributeValueList":[{"S":"x"}]}}})"),
            p + "Value and AttributeValueList cannot be used together for Attribute: a");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{}}})"),
            p + "Value must be provided when Exists is null for Attribute: a");
  EXPECT_EQ(expected_error(
                R"({"Expected":{"a":{"Exists":true,"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}}})"),
            p + "Exists and ComparisonOperator cannot be used together for Attribute: a");
  EXPECT_EQ(expected_error(R"({"Expected":{"a":{"Value":{"S":"x"}}},"ConditionalOperator":"OR"})"),
            "ConditionalOperator can only be used when Filter or Expected has two or more elements");
  EXPECT_EQ(expected_error(R"({"ConditionalOperator":"OR"})"),
            "ConditionalOperator cannot be used without Filter or Expected");
}

TEST(LegacyParameters, MixingStylesIsRefused) {
  auto mix = [](const std::string& json) {
    auto doc = request(json);
    auto checked = check_parameter_mix(request_parameter_use(doc));
    return checked ? "" : checked.error().message;
  };
  const std::string p = "Can not use both expression and non-expression parameters in the same request: ";
  EXPECT_EQ(mix(R"({"Expected":{},"ConditionExpression":"a = :v"})"),
            p + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
  EXPECT_EQ(mix(R"({"Expected":{},"AttributeUpdates":{},"ConditionalOperator":"AND","UpdateExpression":"x",
                   "ConditionExpression":"y"})"),
            p + "Non-expression parameters: {AttributeUpdates, Expected, ConditionalOperator} Expression parameters: "
                "{UpdateExpression, ConditionExpression}");
  EXPECT_EQ(mix(R"({"KeyConditions":{},"QueryFilter":{},"AttributesToGet":[],"ConditionalOperator":"AND",
                   "FilterExpression":"x","ProjectionExpression":"a","KeyConditionExpression":"y"})"),
            p + "Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator} "
                "Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}");
  EXPECT_EQ(mix(R"({"ScanFilter":{},"AttributesToGet":[],"FilterExpression":"x","ProjectionExpression":"a"})"),
            p + "Non-expression parameters: {AttributesToGet, ScanFilter} Expression parameters: "
                "{ProjectionExpression, FilterExpression}");
  EXPECT_EQ(mix(R"({"Expected":{}})"), "");
}

TEST(LegacyFilters, QueryFilterRefusesKeysAndNeedsOperator) {
  auto doc = request(R"({"QueryFilter":{"sk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}}})");
  auto filter = legacy_filter(doc, "QueryFilter", {"pk", "sk"});
  ASSERT_FALSE(filter.has_value());
  EXPECT_EQ(filter.error().message,
            "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
  auto doc2 = request(R"({"ScanFilter":{"a":{"AttributeValueList":[{"S":"x"}]}}})");
  EXPECT_EQ(legacy_filter(doc2, "ScanFilter", {"pk"}).error().message, "Comparison type does not exist in DynamoDB");
  auto doc3 = request(R"({"ScanFilter":{"a":{"ComparisonOperator":"GE","AttributeValueList":[{"S":"w"}]}}})");
  auto scan = legacy_filter(doc3, "ScanFilter", {"pk"});
  ASSERT_TRUE(scan.has_value());
  EXPECT_TRUE(*scan->evaluate(json_map(kItem)));
}

TEST(LegacyKeyConditions, Messages) {
  auto key = [](const std::string& json) {
    auto doc = request(json);
    auto k = legacy_key_conditions(doc, {"pk"}, {"sk"});
    return k ? "" : k.error().message;
  };
  EXPECT_EQ(key(R"({"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}}})"), "");
  EXPECT_EQ(key(R"({"KeyConditions":{"pk":{"ComparisonOperator":"NE","AttributeValueList":[{"S":"x"}]}}})"),
            "Query key condition not supported");
  EXPECT_EQ(key(R"({"KeyConditions":{"sk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}}})"),
            "Query condition missed key schema element: pk");
  EXPECT_EQ(key(R"({"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]},
                   "sk":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"S":"x"}]}}})"),
            "Attempted conditional constraint is not an indexable operation");
  EXPECT_EQ(key(R"({"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]},
                   "x":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}}})"),
            "Query key condition not supported");
  EXPECT_EQ(key(R"({"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]},
                   "sk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]},
                   "x":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}}})"),
            "Conditions can be of length 1 or 2 only");
  EXPECT_EQ(key(R"({"KeyConditions":{}})"), "Conditions must be at least length 1");
  EXPECT_EQ(key(R"({"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"},{"S":"x"}]}}})"),
            "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
  auto doc = request(R"({"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]},
                        "sk":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"ab"}]}}})");
  auto k = legacy_key_conditions(doc, {"pk"}, {"sk"});
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->sort_op, KeyCondition::SortOp::kBeginsWith);
  EXPECT_EQ(k->sort_value.scalar, "ab");
}

TEST(LegacyAttributeUpdates, ApplyAndMessages) {
  auto apply = [](const std::string& json, const std::string& item) {
    auto doc = request(json);
    auto update = legacy_attribute_updates(doc, {"pk", "sk"});
    if (!update) return update.error().message;
    Item target = json_map(item);
    if (auto done = update->apply(target); !done) return done.error().message;
    return item_json(target);
  };
  const std::string p = "One or more parameter values were invalid: ";
  EXPECT_EQ(apply(R"({"AttributeUpdates":{"q":{"Value":{"S":"x"}}}})", "{}"), R"({"q":{"S":"x"}})");
  EXPECT_EQ(apply(R"({"AttributeUpdates":{"a":{"Action":"DELETE"}}})", kItem),
            R"({"l":{"L":[{"S":"x"}]},"n":{"N":"5"},"ss":{"SS":["p","q"]}})");
  EXPECT_EQ(apply(R"({"AttributeUpdates":{"n":{"Action":"ADD","Value":{"N":"2"}}}})", R"({"n":{"N":"5"}})"),
            R"({"n":{"N":"7"}})");
  EXPECT_EQ(
      apply(R"({"AttributeUpdates":{"l":{"Action":"ADD","Value":{"L":[{"N":"1"}]}}}})", R"({"l":{"L":[{"S":"x"}]}})"),
      R"({"l":{"L":[{"S":"x"},{"N":"1"}]}})");
  EXPECT_EQ(apply(R"({"AttributeUpdates":{"ss":{"Action":"DELETE","Value":{"SS":["p","q"]}}}})",
                  R"({"ss":{"SS":["p","q"]}})"),
            "{}");
  EXPECT_EQ(apply(R"({"AttributeUpdates":{"b":{"Action":"PUT"}}})", "{}"),
            p + "Only DELETE action is allowed when no attribute value is specified");
  EXPECT_EQ(apply(R"({"AttributeUpdates":{"a":{"Action":"DELETE","Value":{"S":"x"}}}})", "{}"),
            p + "DELETE action with value is not supported for the type STRING");
  EXPECT_EQ(apply(R"({"AttributeUpdates":{"a":{"Action":"ADD","Value":{"S":"x"}}}})", "{}"),
            p + "ADD action is not supported for the type STRING");
  EXPECT_EQ(apply(R"({"AttributeUpdates":{"pk":{"Action":"PUT","Value":{"S":"x"}}}})", "{}"),
            p + "Cannot update attribute pk. This attribute is part of the key");
}

TEST(LegacyAttributesToGet, Projects) {
  auto doc = request(R"({"AttributesToGet":["a","l"]})");
  auto projection = legacy_attributes_to_get(doc);
  ASSERT_TRUE(projection.has_value());
  EXPECT_EQ(item_json(projection->apply(json_map(kItem))), R"({"a":{"S":"x"},"l":{"L":[{"S":"x"}]}})");
  auto dup = request(R"({"AttributesToGet":["a","a"]})");
  EXPECT_EQ(legacy_attributes_to_get(dup).error().message,
            "One or more parameter values were invalid: Duplicate value in attribute name: a");
}

}  // namespace
}  // namespace eddy::expr::testing
