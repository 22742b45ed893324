// WriteCondition: the condition of a conditional write (ConditionExpression with its
// ExpressionAttributeNames/Values, or the legacy Expected/ConditionalOperator), parsed once before
// storage is touched and checked against the current item under the item's lock.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy::ops {

class WriteCondition {
 public:
  // Reads the condition members of `request`.
  static Result<WriteCondition> parse(const JsonValue& request, const std::vector<std::string>& context_members);
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
