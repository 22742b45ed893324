// The engine writes of PutItem, UpdateItem and DeleteItem with their expressions already parsed.
// The JSON operations parse theirs from the request's text (put_item.cc, update_item.cc,
// delete_item.cc); PartiQL's INSERT, UPDATE and DELETE bring the planner's trees (partiql/plan.h).
// Both reach storage through these functions alone, so indexes, item counts, TTL and stream
// records behave the same whichever front end asked.
#pragma once

#include <optional>

#include "engine/database.h"
#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "ops/request_context.h"
#include "ops/write_condition.h"
#include "protocol/requests/return_options.h"

namespace eddy::ops {

// A write's condition and what a failed one answers.
struct WriteCheck {
  const WriteCondition& condition;
  bool return_old_on_failure = false;  // ReturnValuesOnConditionCheckFailure ALL_OLD
};

enum class PutMode {
  kReplace,  // PutItem: the item replaces any current one
  kInsert,   // PartiQL INSERT: DuplicateItemException "Duplicate primary key exists in table" when the key exists
};

// Stores `item` (already validated against `table`) when the check holds.
Result<engine::WriteOutcome> write_put(RequestContext& context, const TableDefinition& table, const Item& item,
                                       WriteCheck check, PutMode mode = PutMode::kReplace);

struct UpdateRules {
  // Hold the result to 32 levels (UpdateExpression and PartiQL SET; not AttributeUpdates).
  bool nesting_limit = true;
  // Refuse updates of key attributes only once the condition holds (PartiQL UPDATE, whose
  // condition also says the item exists: DynamoDB answers ConditionalCheckFailedException first).
  bool key_attributes_after_condition = false;
};

// Applies `update` to the item with `key` (or to the bare key when there is none) when the check
// holds, and checks the result like a stored item.
Result<engine::WriteOutcome> write_update(RequestContext& context, const TableDefinition& table, const Item& key,
                                          const expr::Update& update, WriteCheck check, UpdateRules rules);

// Deletes the item with `key` when the check holds (an absent item is no error).
Result<engine::WriteOutcome> write_delete(RequestContext& context, const TableDefinition& table, const Item& key,
                                          WriteCheck check);

// The attributes UpdateItem returns for `return_values` (UPDATED_OLD/UPDATED_NEW: the updated
// paths as they were before / are after the update).
std::optional<Item> updated_attributes(protocol::ReturnValue return_values, const expr::Update& update,
                                       const engine::WriteOutcome& outcome);

// The DuplicateItemException of an INSERT of an existing key.
ApiError duplicate_item();

}  // namespace eddy::ops
