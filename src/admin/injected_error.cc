// Injected errors as DynamoDB words them; see injected_error.h.
#include "admin/injected_error.h"

#include <vector>

#include "ops/transaction_cancellation.h"

namespace eddy::admin {
namespace {

bool is_transaction(std::string_view operation) {
  return operation == "TransactWriteItems" || operation == "TransactGetItems" || operation == "ExecuteTransaction";
}

// One reason per action of the transaction: its first action conflicts, the others did nothing.
ApiError canceled_by_conflict(const JsonValue& request) {
  std::size_t actions = 1;
  for (const char* member : {"TransactItems", "TransactStatements"}) {
    auto found = request.FindMember(member);
    if (found != request.MemberEnd() && found->value.IsArray() && !found->value.Empty()) {
      actions = found->value.Size();
    }
  }
  std::vector<ops::CancellationReason> reasons(actions);
  reasons[0] = ops::conflict_reason();
  return ops::transaction_canceled(reasons);
}

}  // namespace

ApiError injected_error(std::string_view name, std::string_view operation, const JsonValue& request) {
  if (name == "ProvisionedThroughputExceededException") {
    return ApiError{ErrorCode::kProvisionedThroughputExceeded,
                    "The level of configured provisioned throughput for the table was exceeded. Consider increasing "
                    "your provisioning level with the UpdateTable API.",
                    {}};
  }
  if (name == "ThrottlingException") {
    return ApiError{ErrorCode::kThrottling, "Rate of requests exceeds the allowed throughput.", {}};
  }
  if (name == "RequestLimitExceeded") {
    return ApiError{ErrorCode::kRequestLimitExceeded,
                    "Throughput exceeds the current throughput limit for your account. Please contact AWS Support at "
                    "https://aws.amazon.com/support request a limit increase",
                    {}};
  }
  if (name == "ServiceUnavailable") {
    return ApiError{ErrorCode::kServiceUnavailable, "The service is currently unavailable or busy.", {}};
  }
  if (name == "TransactionConflictException") {
    if (is_transaction(operation)) return canceled_by_conflict(request);
    return ApiError{ErrorCode::kTransactionConflict,
                    "Operation was rejected because there is an ongoing transaction for the item.",
                    {}};
  }
  if (name == "ItemCollectionSizeLimitExceededException") {
    return ApiError{ErrorCode::kItemCollectionSizeLimitExceeded, "Collection size exceeded.", {}};
  }
  return ApiError::internal("The server encountered an internal error trying to fulfill the request.");
}

}  // namespace eddy::admin
