// ExecuteTransaction's request:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/json.h"
#include "protocol/requests/return_options.h"
#include "protocol/requests/statement_members.h"

namespace eddy::protocol {

struct ParameterizedStatement {
  std::string statement;
  std::optional<StatementParameters> parameters;
  ReturnValuesOnConditionCheckFailure return_values_on_condition_check_failure =
      ReturnValuesOnConditionCheckFailure::kNone;
};

struct ExecuteTransactionRequest {
  std::vector<ParameterizedStatement> transact_statements;
  std::optional<std::string> client_request_token;
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  // With a ClientRequestToken: a hash of the request as sent, to tell a retry from another request.
  uint64_t fingerprint = 0;
};

// Reads and checks the request: constraints, then DynamoDB Local's texts for no statements
// ("ExecutePartiQLTransaction can not have empty statement.") and more than 100 ("Member must have
// length less than or equal to 100"), then each statement's length.
Result<ExecuteTransactionRequest> read_execute_transaction(const JsonValue& json);

}  // namespace eddy::protocol
