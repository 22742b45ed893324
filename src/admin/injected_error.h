// The error an injected fault answers with: exactly what DynamoDB sends for it (the HTTP status,
// the `__type` with its namespace, the message), rendered by the dispatcher like any other error,
// so that an SDK's retry logic takes it for the real one. See docs/test-controls.md, Faults.
#pragma once

#include <string_view>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::admin {

// `name` is one of injectable_errors() (fault_rules.h). TransactionConflictException on a
// transaction (TransactWriteItems, TransactGetItems, ExecuteTransaction) is what DynamoDB answers
// there: TransactionCanceledException whose first action's reason is TransactionConflict.
ApiError injected_error(std::string_view name, std::string_view operation, const JsonValue& request);

}  // namespace eddy::admin
