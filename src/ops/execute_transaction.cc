// ExecuteTransaction: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html
// Up to 100 PartiQL statements, all reads (SELECTs by full primary key, read from one snapshot as
// TransactGetItems reads) or all writes (INSERT, UPDATE, DELETE and EXISTS condition checks,
// committed through TransactWriteItems' path: transaction_commit.h), all or nothing.
// How DynamoDB words a statement's failure depends on the stage (DynamoDB Local's answers, see
// docs/partiql.md): syntax and unsupported operations as they are; other binding and planning
// errors as "Validation failed in TransactStatements[i]: <message>"; a key that does not fit the
// table as a ValidationError cancellation reason.
#include <set>
#include <string_view>
#include <vector>

#include "model/errors.h"
#include "model/result.h"
#include "ops/batch_response.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/partiql_statement.h"
#include "ops/read_request.h"
#include "ops/transaction_cancellation.h"
#include "ops/transaction_commit.h"
#include "partiql/errors.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

using p::TransactActionKind;

bool starts_with(const ApiError& error, const ApiError& prefix) { return error.message.starts_with(prefix.message); }

// Errors DynamoDB reports without naming the statement: syntax, unsupported operations, empty keys.
bool reported_as_is(const ApiError& error) {
  namespace e = partiql::errors;
  return error.code != ErrorCode::kValidation || starts_with(error, e::malformed("")) ||
         starts_with(error, e::unsupported_operation("")) || error.message == e::transaction_unsupported().message ||
         starts_with(error, e::empty_key_string(""));
}

// Key errors, which cancel the transaction with a ValidationError reason.
bool cancels(const ApiError& error) {
  namespace e = partiql::errors;
  return starts_with(error, e::key_type("")) || starts_with(error, e::key_absent("")) ||
         error.message == e::incomplete_key().message || starts_with(error, e::write_key_not_scalar("")) ||
         starts_with(error, e::multiple_key_conditions(""));
}

ApiError in_statement(std::size_t i, ApiError error) {
  if (reported_as_is(error)) return error;
  error.message = "Validation failed in TransactStatements[" + std::to_string(i) + "]: " + error.message;
  return error;
}

// Binds and plans every statement, in DynamoDB's order of refusals.
Result<std::vector<PreparedStatement>> prepare_all(RequestContext& context,
                                                   const p::ExecuteTransactionRequest& request) {
  const auto& sent = request.transact_statements;
  std::vector<partiql::BoundStatement> bound;
  bool reads = false;
  bool writes = false;
  for (std::size_t i = 0; i < sent.size(); ++i) {
    auto statement = bind_statement_text(sent[i].statement, sent[i].parameters, StatementContext::kTransaction);
    if (!statement) return fail(in_statement(i, std::move(statement.error())));
    (is_read(*statement) ? reads : writes) = true;
    bound.push_back(std::move(*statement));
  }
  if (reads && writes) {
    return validation_error(
        "ExecuteTransaction API does not support both read and write operations in the same "
        "request.");
  }
  std::vector<PreparedStatement> statements;
  std::vector<CancellationReason> reasons(sent.size());
  bool cancelled = false;
  for (std::size_t i = 0; i < bound.size(); ++i) {
    auto planned = plan_bound_statement(context, bound[i], StatementContext::kTransaction);
    if (!planned && cancels(planned.error())) {
      reasons[i] = cancellation_reason(planned.error(), std::nullopt, false);
      cancelled = true;
      statements.push_back({});
      continue;
    }
    if (!planned) return fail(in_statement(i, std::move(planned.error())));
    statements.push_back(std::move(*planned));
  }
  if (cancelled) return fail(transaction_canceled(reasons));
  std::set<std::string> seen;
  for (const auto& statement : statements) {
    if (!seen.insert(engine::item_id(*statement.table, *statement_key(statement))).second) {
      return fail(errors::item_in_several_transaction_actions());
    }
  }
  return statements;
}

Result<std::string> read_all(RequestContext& context, const p::ExecuteTransactionRequest& request,
                             const std::vector<PreparedStatement>& statements) {
  auto& database = context.database();
  auto view = database.read_view();
  CapacityTotals capacity;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Responses");
  writer.StartArray();
  for (const auto& statement : statements) {
    const auto& plan = std::get<partiql::SelectPlan>(statement.plan);
    EDDY_TRY(std::optional<Item> item, database.get_item(*statement.table, *plan.key, view.get()));
    // A transactional read costs twice a strongly consistent read: prepare and commit.
    capacity.add(ConsumedCapacity{statement.table->name, read_units(item ? item_size(*item) : 0, true), {}, {}}, 2);
    writer.StartObject();
    if (item) {
      writer.Key("Item");
      encode_attribute_map(writer, plan.all_attributes ? *item : ItemProjector(plan.projection).apply(*item));
    }
    writer.EndObject();
  }
  writer.EndArray();
  capacity.write(writer, request.return_consumed_capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// The commit path's action for a write plan; an item that does not fit the table is a
// ValidationError reason, as TransactWriteItems reports it.
Result<TransactionAction> action_of(const PreparedStatement& statement, bool return_old) {
  TransactionAction action;
  action.table = statement.table;
  action.return_old_on_failure = return_old;
  const TableDefinition& table = *statement.table;
  if (const auto* insert = std::get_if<partiql::InsertPlan>(&statement.plan)) {
    action.kind = TransactActionKind::kPut;
    action.put_mode = PutMode::kInsert;
    action.item = insert->item;
    action.key = engine::key_of(table.key, insert->item);
    EDDY_TRY_VOID(validate_item(table, insert->item));
  } else if (const auto* update = std::get_if<partiql::UpdatePlan>(&statement.plan)) {
    action.kind = TransactActionKind::kUpdate;
    action.key = update->key;
    action.update = TransactionUpdate::of(update->update, WriteCondition::of(update->condition));
    action.key_attributes_after_condition = true;
  } else if (const auto* remove = std::get_if<partiql::DeletePlan>(&statement.plan)) {
    action.kind = TransactActionKind::kDelete;
    action.key = remove->key;
    action.condition = WriteCondition::of(remove->condition);
  } else {
    const auto& check = std::get<partiql::ConditionCheckPlan>(statement.plan);
    action.kind = TransactActionKind::kConditionCheck;
    action.key = check.key;
    action.condition = WriteCondition::of(check.condition);
  }
  EDDY_TRY_VOID(validate_key(table, action.key));
  action.item_key = engine::item_id(table, action.key);
  return action;
}

Result<std::string> write_all(RequestContext& context, const p::ExecuteTransactionRequest& request,
                              const std::vector<PreparedStatement>& statements) {
  std::vector<TransactionAction> actions;
  std::vector<CancellationReason> reasons(statements.size());
  bool invalid = false;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    bool return_old = request.transact_statements[i].return_values_on_condition_check_failure ==
                      p::ReturnValuesOnConditionCheckFailure::kAllOld;
    auto action = action_of(statements[i], return_old);
    if (!action) {
      reasons[i] = cancellation_reason(action.error(), std::nullopt, false);
      invalid = true;
      continue;
    }
    actions.push_back(std::move(*action));
  }
  if (invalid) return fail(transaction_canceled(reasons));
  EDDY_TRY(engine::Database::MultiOutcome outcome, commit_transaction(context, actions));
  CapacityTotals capacity;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const auto& action = actions[i];
    const auto& result = outcome.outcomes[i];
    bool check = action.kind == TransactActionKind::kConditionCheck;
    // Every transactional write (and condition check) costs twice a plain write: prepare and commit.
    capacity.add(write_capacity(*action.table, result.old_item, check ? result.old_item : result.new_item), 2);
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Responses");  // empty for writes, as DynamoDB Local answers
  writer.StartArray();
  writer.EndArray();
  capacity.write(writer, request.return_consumed_capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

Result<std::string> execute_transaction(RequestContext& context, const p::ExecuteTransactionRequest& request) {
  EDDY_TRY(std::vector<PreparedStatement> statements, prepare_all(context, request));
  if (std::holds_alternative<partiql::SelectPlan>(statements.front().plan))
    return read_all(context, request, statements);
  return with_client_request_token(context, request.client_request_token, request.fingerprint,
                                   [&] { return write_all(context, request, statements); });
}

}  // namespace eddy::ops
