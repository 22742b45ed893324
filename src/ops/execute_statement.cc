// ExecuteStatement: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html
// One PartiQL statement: a SELECT reads one page (statement_select.h); an INSERT, UPDATE or DELETE
// is one item write through PutItem's, UpdateItem's or DeleteItem's path (partiql_statement.h), and
// answers "Items" with what RETURNING asks for (nothing otherwise).
#include "model/result.h"
#include "ops/operations.h"
#include "ops/partiql_statement.h"
#include "ops/statement_select.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {

Result<std::string> execute_statement(RequestContext& context, const p::ExecuteStatementRequest& request) {
  EDDY_TRY(partiql::BoundStatement bound,
           bind_statement_text(request.statement, request.parameters, StatementContext::kExecuteStatement));
  EDDY_TRY(PreparedStatement statement, plan_bound_statement(context, bound, StatementContext::kExecuteStatement));
  if (std::holds_alternative<partiql::SelectPlan>(statement.plan)) {
    SelectPage page{request.limit, request.consistent_read, request.next_token, request.return_consumed_capacity};
    return execute_select(context, statement, page);
  }
  bool return_old = request.return_values_on_condition_check_failure == p::ReturnValuesOnConditionCheckFailure::kAllOld;
  EDDY_TRY(StatementWrite write, perform_statement_write(context, statement, return_old));

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Items");
  writer.StartArray();
  if (write.returned) encode_attribute_map(writer, *write.returned);
  writer.EndArray();
  write_consumed_capacity(writer, request.return_consumed_capacity, write.capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
