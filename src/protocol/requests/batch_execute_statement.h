// BatchExecuteStatement's request:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/json.h"
#include "protocol/requests/return_options.h"
#include "protocol/requests/statement_members.h"

namespace eddy::protocol {

// 25 reads or 25 writes; which of the two limits applies is known once the statements are parsed.
inline constexpr std::size_t kMaxBatchStatements = 25;

struct BatchStatementRequest {
  std::string statement;
  std::optional<StatementParameters> parameters;
  bool consistent_read = false;
  ReturnValuesOnConditionCheckFailure return_values_on_condition_check_failure =
      ReturnValuesOnConditionCheckFailure::kNone;
};

struct BatchExecuteStatementRequest {
  std::vector<BatchStatementRequest> statements;
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
};

// Reads and checks the request: constraints, "The statement was empty." for no statements, each
// statement's length. A statement's own errors are its response's Error (ops/batch_execute_statement.cc).
Result<BatchExecuteStatementRequest> read_batch_execute_statement(const JsonValue& json);

}  // namespace eddy::protocol
