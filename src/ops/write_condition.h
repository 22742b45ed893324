// WriteCondition: the condition of a conditional write (ConditionExpression, or the legacy
// Expected/ConditionalOperator), parsed once before storage is touched and checked against the
// current item under the item's lock. The request's members have been checked when it was read
// (protocol/requests/condition_members.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/legacy_parameters.h"

namespace eddy::ops {

class WriteCondition {
 public:
  // The condition of a request whose condition is its only expression (PutItem, DeleteItem, a
  // transaction's Put, Delete or ConditionCheck) or one of several (UpdateItem, whose caller checks
  // for unused placeholders after its last expression): `expression` parsed with `attributes`, or
  // else `expected` joined by `conditional_operator`.
  static Result<WriteCondition> parse(const std::optional<std::string>& expression,
                                      const std::optional<std::vector<LegacyCondition>>& expected,
                                      const std::optional<std::string>& conditional_operator,
                                      expr::ExpressionAttributes& attributes);
  // The same for a request R whose members have these names.
  template <typename R>
  static Result<WriteCondition> parse_of(const R& request, expr::ExpressionAttributes& attributes) {
    return parse(request.condition_expression, request.expected, request.conditional_operator, attributes);
  }

  // A condition already parsed (PartiQL's WHERE, from the planner); empty: no condition.
  static WriteCondition of(expr::Condition condition);

  // True when there is no condition or it holds for `current` (nullopt: the item does not exist).
  Result<bool> holds(const std::optional<Item>& current) const;
  // ConditionalCheckFailedException ("The conditional request failed", with "Item" when
  // `return_old` and the item exists) when the condition does not hold.
  Result<void> check(const std::optional<Item>& current, bool return_old) const;
  bool empty() const { return state_ == nullptr; }

  struct State;

 private:
  std::shared_ptr<const State> state_;
};

// The ConditionalCheckFailedException DynamoDB returns, with the item when asked for.
ApiError condition_failed(const std::optional<Item>& current, bool return_old);

}  // namespace eddy::ops
