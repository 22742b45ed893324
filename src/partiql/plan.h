// Plan: what a PartiQL statement does, in the terms of the operations eddy already runs, so that
// ExecuteStatement, BatchExecuteStatement and ExecuteTransaction perform Query, Scan, GetItem,
// PutItem, UpdateItem, DeleteItem and ConditionCheck through the same engine paths (indexes,
// counters, TTL and stream records behave as for those operations). Conditions, updates and
// projections are the expression engine's own objects, evaluated and applied unchanged.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "expr/expression.h"
#include "model/attribute_value.h"

namespace eddy::partiql {

// SELECT: a Query of one or more partitions, or a Scan.
struct SelectPlan {
  std::string table_name;
  std::optional<std::string> index_name;
  bool query = false;  // false: Scan
  // Query: one key condition per partition-key value, in the order to read them (WHERE pk IN [...]
  // and WHERE pk = 'a' OR pk = 'b' read several partitions; ORDER BY the partition key sorts them).
  std::vector<expr::KeyCondition> key_conditions;
  expr::Condition filter;          // what WHERE asks beyond the key conditions; empty when nothing
  bool scan_index_forward = true;  // ORDER BY <sort key> DESC: false
  bool all_attributes = true;      // SELECT *
  expr::Projection projection;     // otherwise the paths, in the order written
  // Set when the statement reads the table (not an index) and WHERE is exactly an equality on each
  // attribute of its primary key: a GetItem, the only read BatchExecuteStatement and
  // ExecuteTransaction take.
  std::optional<Item> key;
};

// INSERT: a PutItem that must not replace an item (DuplicateItemException when the key exists).
struct InsertPlan {
  std::string table_name;
  Item item;
};

// UPDATE: an UpdateItem of one item that must exist. `condition` holds attribute_exists on the
// partition key, so that an absent item fails it with ConditionalCheckFailedException as DynamoDB
// answers, then the rest of WHERE.
struct UpdatePlan {
  std::string table_name;
  Item key;
  expr::Update update;
  expr::Condition condition;
  std::string return_values = "NONE";  // RETURNING as UpdateItem's ReturnValues: ALL_OLD, UPDATED_NEW, ...
};

// DELETE: a DeleteItem; an absent item is no error, unless the rest of WHERE (`condition`) fails.
struct DeletePlan {
  std::string table_name;
  Item key;
  expr::Condition condition;           // empty when WHERE names only the key
  std::string return_values = "NONE";  // NONE or ALL_OLD
};

// EXISTS(SELECT ...) in ExecuteTransaction: a ConditionCheck. `condition` holds attribute_exists on
// the partition key (EXISTS of an absent item is false), then the rest of WHERE.
struct ConditionCheckPlan {
  std::string table_name;
  Item key;
  expr::Condition condition;
};

using Plan = std::variant<SelectPlan, InsertPlan, UpdatePlan, DeletePlan, ConditionCheckPlan>;

}  // namespace eddy::partiql
