// The members that expressions share: ExpressionAttributeNames and ExpressionAttributeValues, and
// DynamoDB's checks on them, which run before any expression is parsed, in this order:
//   1. check_expression_use: legacy and expression members mixed; names or values sent without an
//      expression that could use them;
//   2. check_expression_attribute_names / _values: empty maps, malformed placeholder keys, invalid
//      values ("ExpressionAttributeValues contains invalid value: ... for key :v").
// Then the operation parses its expressions (expr) and checks that every placeholder was used.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"
#include "protocol/shape.h"

namespace eddy::protocol {

using AttributeNames = std::map<std::string, std::string>;

// The expression and legacy members one operation defines, for the checks of step 1.
struct ExpressionUse {
  std::vector<const char*> expressions;  // e.g. {"UpdateExpression", "ConditionExpression"}
  std::vector<const char*> legacy;       // e.g. {"AttributeUpdates", "Expected", "ConditionalOperator"}
};

// Step 1: "Can not use both expression and non-expression parameters in the same request: ...",
// "ExpressionAttributeNames can only be specified when using expressions", "ExpressionAttributeValues
// can only be specified when using expressions: UpdateExpression and ConditionExpression are null"
// (ProjectionExpression takes no values and is never listed). Members an operation does not define
// are ignored, as DynamoDB ignores them.
Result<void> check_expression_use(const JsonValue& request, const ExpressionUse& use);

// Step 1 reader of ExpressionAttributeValues for the operations that report an invalid value with
// its key (step 2): a value of the wrong JSON type is refused here; a value DynamoDB refuses
// ("Supplied AttributeValue is empty ...") is left out, for check_expression_attribute_values.
Result<void> read_expression_attribute_values(const JsonValue* value, std::optional<AttributeMap>& out);

// The ExpressionAttributeValues member read by read_expression_attribute_values.
template <typename R>
typename Shape<R>::Member expression_attribute_values_member(std::optional<AttributeMap> R::*field) {
  return custom_member<R>("ExpressionAttributeValues", [field](const JsonValue* value, R& out) {
    return read_expression_attribute_values(value, out.*field);
  });
}

// Step 2: "ExpressionAttributeNames must not be empty", "ExpressionAttributeNames contains invalid
// key: Syntax error; key: \"x\"", "ExpressionAttributeNames contains invalid value: Empty attribute
// name for key #a".
Result<void> check_expression_attribute_names(const std::optional<AttributeNames>& names);
// Step 2 for values read by read_expression_attribute_values: empty, malformed keys (in the order
// sent), then "ExpressionAttributeValues contains invalid value: <why> for key :v".
Result<void> check_expression_attribute_values(const JsonValue& request, const std::optional<AttributeMap>& values);

}  // namespace eddy::protocol
