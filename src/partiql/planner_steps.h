// The steps of plan_statement, one statement kind each (internal to the planner files).
#pragma once

#include <map>
#include <string>

#include "model/api_error.h"
#include "model/table_definition.h"
#include "partiql/binder.h"
#include "partiql/plan.h"

namespace eddy::partiql {

// planner_select.cc
Result<SelectPlan> plan_select(const BoundSelect& select, const TableDefinition& table, StatementContext context);
// Fills the Query parts of `plan` (or leaves it a Scan) from select.where, which is set.
Result<void> plan_query(const BoundSelect& select, const KeySchema& key,
                        const std::map<std::string, AttributeType>& keys, SelectPlan& plan);

// planner_order.cc: ORDER BY's checks, the read direction and the order of the partitions.
Result<void> plan_order(const BoundSelect& select, const KeySchema& key, SelectPlan& plan);

// planner_write.cc
Result<InsertPlan> plan_insert(const BoundInsert& insert, const TableDefinition& table);
Result<UpdatePlan> plan_update(const BoundUpdate& update, const TableDefinition& table, StatementContext context);
Result<DeletePlan> plan_delete(const BoundDelete& remove, const TableDefinition& table, StatementContext context);
Result<ConditionCheckPlan> plan_condition_check(const BoundConditionCheck& check, const TableDefinition& table);

}  // namespace eddy::partiql
