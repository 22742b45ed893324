// ExecuteStatement's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "protocol/json.h"
#include "protocol/requests/return_options.h"
#include "protocol/requests/statement_members.h"

namespace eddy::protocol {

inline constexpr std::size_t kMaxNextTokenLength = 32768;

struct ExecuteStatementRequest {
  std::string statement;
  std::optional<StatementParameters> parameters;
  bool consistent_read = false;
  std::optional<std::string> next_token;  // opaque: ops/statement_next_token.h
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  std::optional<int64_t> limit;
  ReturnValuesOnConditionCheckFailure return_values_on_condition_check_failure =
      ReturnValuesOnConditionCheckFailure::kNone;
};

// Reads and checks the request: the members' constraints, then Statement's length and NextToken's
// (DynamoDB Local's texts: "Member must have length less than or equal to 32768", and "Invalid
// NextToken" for an empty one). The statement itself is parsed by ops/execute_statement.cc.
Result<ExecuteStatementRequest> read_execute_statement(const JsonValue& json);

}  // namespace eddy::protocol
