// The members of a write's condition — ConditionExpression with ExpressionAttributeNames and
// ExpressionAttributeValues, or the legacy Expected with ConditionalOperator — declared once for
// PutItem, DeleteItem and the Put, Delete and ConditionCheck actions of TransactWriteItems, with the
// checks DynamoDB makes on them before the condition is parsed (expression_members.h). A request
// type R using them has fields of these names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/legacy_parameters.h"
#include "model/result.h"
#include "protocol/requests/expression_members.h"
#include "protocol/requests/legacy_parameters.h"
#include "protocol/requests/return_options.h"
#include "protocol/shape.h"

namespace eddy::protocol {

template <typename R>
Members<R> condition_members() {
  return {
      member("ExpressionAttributeNames", &R::expression_attribute_names),
      expression_attribute_values_member(&R::expression_attribute_values),
      member("ConditionExpression", &R::condition_expression),
      legacy_conditions_member("Expected", &R::expected),
      member("ConditionalOperator", &R::conditional_operator, {one_of(kConditionalOperators)}),
  };
}

// The expression and legacy members of a condition alone.
const ExpressionUse& condition_use();

// The checks on a condition's members, in DynamoDB's order.
template <typename R>
Result<void> check_condition_members(const R& request, const JsonValue& json) {
  EDDY_TRY_VOID(check_expression_use(json, condition_use()));
  EDDY_TRY_VOID(check_expression_attribute_names(request.expression_attribute_names));
  EDDY_TRY_VOID(check_expression_attribute_values(json, request.expression_attribute_values));
  EDDY_TRY_VOID(check_comparison_operators(json, "Expected"));
  return check_conditional_operator(request.conditional_operator, request.expected ? request.expected->size() : 0);
}

// PutItem and DeleteItem return at most the old item: "ReturnValues can only be ALL_OLD or NONE".
Result<void> check_return_values_all_old_or_none(ReturnValue return_values);

}  // namespace eddy::protocol
