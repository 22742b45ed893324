// The legacy (pre-expression) members of a request, read into model/legacy_parameters.h's plain
// data: Expected, QueryFilter, ScanFilter and KeyConditions (maps of attribute name to condition),
// AttributeUpdates, and the checks DynamoDB makes on them before any expression is parsed: the mix of
// both styles, operator and action names, and ConditionalOperator against the number of conditions.
// Their translation into expression trees is expr/legacy.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "model/legacy_parameters.h"
#include "protocol/json.h"
#include "protocol/shape.h"

namespace eddy::protocol {

// The value sets, in the order DynamoDB's "Member must satisfy enum value set" message prints them.
inline constexpr std::string_view kComparisonOperators[] = {
    "IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS"};
inline constexpr std::string_view kConditionalOperators[] = {"OR", "AND"};
inline constexpr std::string_view kAttributeActions[] = {"ADD", "PUT", "DELETE"};

// The constraints of one condition (ComparisonOperator's value set) and of one AttributeUpdates
// entry (Action's), checked by the shared constraint pass under each entry of the map
// ("scanFilter.a.member.comparisonOperator").
const ShapeChecks& legacy_condition_checks();
const ShapeChecks& attribute_update_checks();

// Step 1 readers (protocol/shape.h's custom_member): a map of attribute name ->
// {ComparisonOperator, AttributeValueList, Value, Exists}, in the order sent. An operator name that
// is not DynamoDB's reads as none; check_comparison_operators reports it.
// `type_name` is the service model's name of one condition (ExpectedAttributeValue or Condition).
Result<void> read_legacy_conditions(const JsonValue* value, std::optional<std::vector<LegacyCondition>>& out,
                                    const char* type_name);
// AttributeUpdates: attribute name -> {Action, Value}. An unknown Action reads as PUT;
// check_attribute_update_actions reports it.
Result<void> read_attribute_updates(const JsonValue* value, std::optional<std::vector<LegacyAttributeUpdate>>& out);

// The members read by those readers.
template <typename R>
typename Shape<R>::Member legacy_conditions_member(const char* name,
                                                   std::optional<std::vector<LegacyCondition>> R::*field) {
  const char* type_name = std::string_view(name) == "Expected" ? "ExpectedAttributeValue" : "Condition";
  typename Shape<R>::Member read = custom_member<R>(name, [field, type_name](const JsonValue* value, R& out) {
    return read_legacy_conditions(value, out.*field, type_name);
  });
  read.checks.nesting = MemberChecks::Nesting::kMap;
  read.checks.nested = &legacy_condition_checks();
  return read;
}
template <typename R>
typename Shape<R>::Member attribute_updates_member(std::optional<std::vector<LegacyAttributeUpdate>> R::*field) {
  typename Shape<R>::Member read = custom_member<R>("AttributeUpdates", [field](const JsonValue* value, R& out) {
    return read_attribute_updates(value, out.*field);
  });
  read.checks.nesting = MemberChecks::Nesting::kMap;
  read.checks.nested = &attribute_update_checks();
  return read;
}

// Which legacy and expression members a request carried (present and not null).
struct RequestParameterUse {
  bool attributes_to_get = false;
  bool attribute_updates = false;
  bool expected = false;
  bool query_filter = false;
  bool scan_filter = false;
  bool conditional_operator = false;
  bool key_conditions = false;
  bool projection_expression = false;
  bool update_expression = false;
  bool condition_expression = false;
  bool filter_expression = false;
  bool key_condition_expression = false;
};

RequestParameterUse request_parameter_use(const JsonValue& request);

// ValidationException when both styles are present: "Can not use both expression and
// non-expression parameters in the same request: Non-expression parameters: {Expected}
// Expression parameters: {ConditionExpression}" (names in DynamoDB's fixed order).
Result<void> check_parameter_mix(const RequestParameterUse& use);

// "Comparison type does not exist in DynamoDB" for a ComparisonOperator of the conditions map
// `member` of `request` that is not one of DynamoDB's.
Result<void> check_comparison_operators(const JsonValue& request, const char* member);
// "Action type does not exist in DynamoDB" for an Action of AttributeUpdates other than PUT, ADD, DELETE.
Result<void> check_attribute_update_actions(const JsonValue& request);
// ConditionalOperator (if any) against the number of conditions it joins: "ConditionalOperator
// cannot be used without Filter or Expected" / "ConditionalOperator can only be used when Filter or
// Expected has two or more elements".
Result<void> check_conditional_operator(const std::optional<std::string>& conditional_operator,
                                        std::size_t condition_count);

}  // namespace eddy::protocol
