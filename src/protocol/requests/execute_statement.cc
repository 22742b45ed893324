// ExecuteStatement's request declared; see execute_statement.h.
#include "protocol/requests/execute_statement.h"

#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

Result<void> check_request(ExecuteStatementRequest& request, const JsonValue&) {
  EDDY_TRY_VOID(check_statement_length(request.statement));
  if (request.next_token) {
    if (request.next_token->empty()) return validation_error("Invalid NextToken");
    if (request.next_token->size() > kMaxNextTokenLength) {
      return validation_error("Member must have length less than or equal to " + std::to_string(kMaxNextTokenLength));
    }
  }
  return {};
}

}  // namespace

Result<ExecuteStatementRequest> read_execute_statement(const JsonValue& json) {
  using R = ExecuteStatementRequest;
  static const Shape<R> shape{
      {
          member("Statement", &R::statement, {required()}),
          parameters_member(&R::parameters),
          member("ConsistentRead", &R::consistent_read),
          member("NextToken", &R::next_token),
          member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
          member("Limit", &R::limit, {range(1)}),
          member("ReturnValuesOnConditionCheckFailure", &R::return_values_on_condition_check_failure,
                 kReturnValuesOnConditionCheckFailure),
      },
      {check_request}};
  return shape.read(json);
}

}  // namespace eddy::protocol
