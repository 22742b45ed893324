// WriteCondition: the condition of a conditional write (ConditionExpression with its
// ExpressionAttributeNames/Values, or the legacy Expected/ConditionalOperator), parsed once before
// storage is touched and checked against the current item under the item's lock.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy::ops {

class WriteCondition {
 public:
  // For a request whose only expression is its condition (PutItem, DeleteItem, a transaction's
  // Put, Delete or ConditionCheck): every check DynamoDB makes on the condition members, in its
  // order (see expression_parameters.h), including unused ExpressionAttributeNames/Values.
  // `context_members` names the members that carry the item or key ("Item" / "Key"); the checks
  // do not depend on it.
  static Result<WriteCondition> parse(const JsonValue& request, const std::vector<std::string>& context_members);
  // For a request with other expressions too (UpdateItem): only the condition, resolved with the
  // request's shared `attributes`. The caller has run check_expression_use() and reads
  // ExpressionParameters itself, and checks for unused placeholders after its last expression.
  static Result<WriteCondition> parse(const JsonValue& request, expr::ExpressionAttributes& attributes);

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
