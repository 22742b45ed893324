// ExecuteTransaction's request declared; see execute_transaction.h.
#include "protocol/requests/execute_transaction.h"

#include <functional>

#include "protocol/requests/transact_items.h"
#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

const Shape<ParameterizedStatement>& statement_shape() {
  using R = ParameterizedStatement;
  static const Shape<R> shape{
      "ParameterizedStatement",
      {
          member("Statement", &R::statement, {required()}),
          parameters_member(&R::parameters),
          member("ReturnValuesOnConditionCheckFailure", &R::return_values_on_condition_check_failure,
                 kReturnValuesOnConditionCheckFailure),
      }};
  return shape;
}

// A hash of the request's JSON text as sent.
uint64_t fingerprint_of(const JsonValue& json) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  json.Accept(writer);
  return std::hash<std::string_view>{}(std::string_view(buffer.GetString(), buffer.GetSize()));
}

Result<void> check_request(ExecuteTransactionRequest& request, const JsonValue& json) {
  if (request.transact_statements.empty()) {
    return validation_error("ExecutePartiQLTransaction can not have empty statement.");
  }
  if (request.transact_statements.size() > kMaxTransactionActions) {
    return validation_error("Member must have length less than or equal to " + std::to_string(kMaxTransactionActions));
  }
  for (const auto& statement : request.transact_statements) {
    EDDY_TRY_VOID(check_statement_length(statement.statement));
  }
  if (request.client_request_token) request.fingerprint = fingerprint_of(json);
  return {};
}

}  // namespace

Result<ExecuteTransactionRequest> read_execute_transaction(const JsonValue& json) {
  using R = ExecuteTransactionRequest;
  static const Shape<R> shape{
      {
          member("TransactStatements", &R::transact_statements, statement_shape(), {required()}),
          member("ClientRequestToken", &R::client_request_token, {length(1, 36)}),
          member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
      },
      {check_request}};
  return shape.read(json);
}

}  // namespace eddy::protocol
