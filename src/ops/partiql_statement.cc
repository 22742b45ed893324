// Preparing and writing PartiQL statements; see partiql_statement.h.
#include "ops/partiql_statement.h"

#include "model/errors.h"
#include "model/result.h"
#include "ops/item_validation.h"
#include "ops/item_write.h"
#include "ops/table_lookup.h"
#include "ops/write_condition.h"
#include "partiql/parser.h"
#include "partiql/planner.h"

namespace eddy::ops {
namespace {

protocol::ReturnValue return_value_of(const std::string& returning) {
  using protocol::ReturnValue;
  if (returning == "ALL_OLD") return ReturnValue::kAllOld;
  if (returning == "UPDATED_OLD") return ReturnValue::kUpdatedOld;
  if (returning == "ALL_NEW") return ReturnValue::kAllNew;
  if (returning == "UPDATED_NEW") return ReturnValue::kUpdatedNew;
  return ReturnValue::kNone;
}

// RETURNING's item: nothing when the write returned no attributes, as DynamoDB answers "Items": [].
std::optional<Item> returned_item(std::optional<Item> item) {
  if (item && item->empty()) return std::nullopt;
  return item;
}

}  // namespace

Result<partiql::BoundStatement> bind_statement_text(const std::string& text,
                                                    const std::optional<protocol::StatementParameters>& parameters,
                                                    StatementContext context) {
  EDDY_TRY(partiql::Statement statement, partiql::parse_statement(text));
  static const protocol::StatementParameters none;
  return partiql::bind_statement(statement, parameters ? *parameters : none, context);
}

bool is_read(const partiql::BoundStatement& statement) {
  return std::holds_alternative<partiql::BoundSelect>(statement);
}

Result<PreparedStatement> plan_bound_statement(RequestContext& context, const partiql::BoundStatement& statement,
                                               StatementContext where) {
  const std::string& name = partiql::bound_table(statement).table;
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) {
    if (where == StatementContext::kTransaction) return fail(errors::resource_not_found());
    return fail(ApiError::not_found("Cannot do operations on a non-existent table"));
  }
  EDDY_TRY(partiql::Plan plan, partiql::plan_statement(statement, *table, where));
  return PreparedStatement{std::move(table), std::move(plan)};
}

std::optional<Item> statement_key(const PreparedStatement& statement) {
  const TableDefinition& table = *statement.table;
  return std::visit(
      [&](const auto& plan) -> std::optional<Item> {
        using T = std::decay_t<decltype(plan)>;
        if constexpr (std::is_same_v<T, partiql::InsertPlan>) {
          return engine::key_of(table.key, plan.item);
        } else {
          return plan.key;  // SELECT, UPDATE and DELETE name their key
        }
      },
      statement.plan);
}

Result<StatementWrite> perform_statement_write(RequestContext& context, const PreparedStatement& statement,
                                               bool return_old_on_failure) {
  const TableDefinition& table = *statement.table;
  StatementWrite write;
  engine::WriteOutcome outcome;
  if (const auto* insert = std::get_if<partiql::InsertPlan>(&statement.plan)) {
    EDDY_TRY_VOID(validate_item(table, insert->item));
    WriteCondition none;
    EDDY_TRY(outcome, write_put(context, table, insert->item, {none, return_old_on_failure}, PutMode::kInsert));
  } else if (const auto* update = std::get_if<partiql::UpdatePlan>(&statement.plan)) {
    EDDY_TRY_VOID(validate_key(table, update->key));
    WriteCondition condition = WriteCondition::of(update->condition);
    UpdateRules rules{.nesting_limit = true, .key_attributes_after_condition = true};
    EDDY_TRY(outcome,
             write_update(context, table, update->key, update->update, {condition, return_old_on_failure}, rules));
    write.returned = returned_item(updated_attributes(return_value_of(update->return_values), update->update, outcome));
  } else if (const auto* remove = std::get_if<partiql::DeletePlan>(&statement.plan)) {
    EDDY_TRY_VOID(validate_key(table, remove->key));
    WriteCondition condition = WriteCondition::of(remove->condition);
    EDDY_TRY(outcome, write_delete(context, table, remove->key, {condition, return_old_on_failure}));
    if (remove->return_values == "ALL_OLD") write.returned = returned_item(outcome.old_item);
  } else {
    return fail(ApiError::internal("a read statement has no write"));
  }
  write.capacity = write_capacity(table, outcome.old_item, outcome.new_item);
  return write;
}

}  // namespace eddy::ops
