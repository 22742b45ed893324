// A PartiQL statement made ready to run, for ExecuteStatement, BatchExecuteStatement and
// ExecuteTransaction: parsed and bound (partiql/binder.h), its table found, planned
// (partiql/planner.h); then its writes performed through the same engine path as PutItem,
// UpdateItem and DeleteItem (item_write.h), with the planner's trees in place of expression text.
// docs/partiql.md describes the dialect and the order of the checks.
#pragma once

#include <optional>
#include <string>

#include "engine/catalog.h"
#include "engine/database.h"
#include "model/api_error.h"
#include "ops/consumed_capacity.h"
#include "ops/request_context.h"
#include "partiql/binder.h"
#include "partiql/plan.h"
#include "protocol/requests/statement_members.h"

namespace eddy::ops {

using partiql::StatementContext;

// Parses and binds `text` with its parameters: every check that needs no table.
Result<partiql::BoundStatement> bind_statement_text(const std::string& text,
                                                    const std::optional<protocol::StatementParameters>& parameters,
                                                    StatementContext context);

bool is_read(const partiql::BoundStatement& statement);  // a SELECT

struct PreparedStatement {
  engine::TablePtr table;
  partiql::Plan plan;
};

// Finds the statement's table (ResourceNotFoundException "Cannot do operations on a non-existent
// table", in ExecuteTransaction "Requested resource not found") and plans the statement.
Result<PreparedStatement> plan_bound_statement(RequestContext& context, const partiql::BoundStatement& statement,
                                               StatementContext where);

// The item key a write plan (or a SELECT by full key) names; nullopt for other reads.
std::optional<Item> statement_key(const PreparedStatement& statement);

// A performed INSERT, UPDATE or DELETE: what RETURNING asks for, and the capacity consumed.
struct StatementWrite {
  std::optional<Item> returned;
  ConsumedCapacity capacity;
};

// Performs a write plan; ConditionalCheckFailedException (with Item when `return_old_on_failure`)
// when its WHERE condition fails, DuplicateItemException when an INSERT finds its key.
Result<StatementWrite> perform_statement_write(RequestContext& context, const PreparedStatement& statement,
                                               bool return_old_on_failure);

}  // namespace eddy::ops
