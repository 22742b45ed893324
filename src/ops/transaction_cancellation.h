// TransactionCanceledException as DynamoDB builds it: one CancellationReason per action, in the
// request's order, and a message that lists their codes:
//   "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "model/attribute_value.h"

namespace eddy::ops {

struct CancellationReason {
  std::string code = "None";  // None, ConditionalCheckFailed, ValidationError, TransactionConflict, ...
  std::string message;        // empty for None
  std::optional<Item> item;   // with ReturnValuesOnConditionCheckFailure ALL_OLD
};

// The reason for an action that failed with `error` (nullopt: the action itself was fine).
CancellationReason cancellation_reason(const std::optional<ApiError>& error, const std::optional<Item>& current,
                                       bool return_old);
// A reason of code TransactionConflict ("Transaction is ongoing for the item").
CancellationReason conflict_reason();

ApiError transaction_canceled(const std::vector<CancellationReason>& reasons);

}  // namespace eddy::ops
