// BatchExecuteStatement's request declared; see batch_execute_statement.h.
#include "protocol/requests/batch_execute_statement.h"

#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

const Shape<BatchStatementRequest>& statement_shape() {
  using R = BatchStatementRequest;
  static const Shape<R> shape{
      "BatchStatementRequest",
      {
          member("Statement", &R::statement, {required()}),
          parameters_member(&R::parameters),
          member("ConsistentRead", &R::consistent_read),
          member("ReturnValuesOnConditionCheckFailure", &R::return_values_on_condition_check_failure,
                 kReturnValuesOnConditionCheckFailure),
      }};
  return shape;
}

Result<void> check_request(BatchExecuteStatementRequest& request, const JsonValue&) {
  // DynamoDB Local's text; the service model's constraint is a list of 1 to 25.
  if (request.statements.empty()) return validation_error("The statement was empty.");
  for (const auto& statement : request.statements) EDDY_TRY_VOID(check_statement_length(statement.statement));
  return {};
}

}  // namespace

Result<BatchExecuteStatementRequest> read_batch_execute_statement(const JsonValue& json) {
  using R = BatchExecuteStatementRequest;
  static const Shape<R> shape{
      {
          member("Statements", &R::statements, statement_shape(), {required()}),
          member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
      },
      {check_request}};
  return shape.read(json);
}

}  // namespace eddy::protocol
