// plan_statement (see planner.h): dispatches to the step of each statement kind.
#include "partiql/planner.h"

#include "model/result.h"
#include "partiql/planner_steps.h"

namespace eddy::partiql {
namespace {

template <typename T>
Result<Plan> as_plan(Result<T> plan) {
  EDDY_TRY(T planned, std::move(plan));
  return Plan(std::move(planned));
}

}  // namespace

Result<Plan> plan_statement(const BoundStatement& statement, const TableDefinition& table, StatementContext context) {
  if (const auto* select = std::get_if<BoundSelect>(&statement)) return as_plan(plan_select(*select, table, context));
  if (const auto* insert = std::get_if<BoundInsert>(&statement)) return as_plan(plan_insert(*insert, table));
  if (const auto* update = std::get_if<BoundUpdate>(&statement)) return as_plan(plan_update(*update, table, context));
  if (const auto* remove = std::get_if<BoundDelete>(&statement)) return as_plan(plan_delete(*remove, table, context));
  return as_plan(plan_condition_check(std::get<BoundConditionCheck>(statement), table));
}

}  // namespace eddy::partiql
