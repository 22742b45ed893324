// Pieces shared by BatchGetItem, BatchWriteItem, TransactGetItems and TransactWriteItems: the
// RequestItems map-key constraint, the identity of a key for duplicate checks, per-table capacity
// totals and ItemCollectionMetrics.
#pragma once

#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "ops/consumed_capacity.h"
#include "protocol/json.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

// A map or list in a constraint message. DynamoDB prints Java's toString of the request object;
// eddy prints the member names ("{a=..., b=...}") or "[...]" for a non-empty list.
std::string map_text(const JsonValue& object);
std::string list_text(const JsonValue& array);

// Adds DynamoDB's "Map keys must satisfy constraint: [...]" when a member name of `map` is not a
// valid table name (3 to 255 characters of [a-zA-Z0-9_.-]).
void check_table_name_keys(ConstraintViolations& violations, const char* path, const JsonValue& map);

// The identity of a key as the request gave it (before schema validation), for "contains
// duplicates" checks: numbers compare by value.
std::string key_identity(const Item& key);

// Capacity per table, in the order tables first appear.
class CapacityTotals {
 public:
  // Adds `capacity` scaled by `factor` (transactions count every unit twice).
  void add(const ConsumedCapacity& capacity, double factor = 1);
  // Writes "ConsumedCapacity": [...] (nothing for kNone).
  void write(JsonWriter& writer, CapacityMode mode) const;

 private:
  std::vector<ConsumedCapacity> tables_;
};

// ItemCollectionMetrics of writes to tables with local secondary indexes (the only tables that
// have item collections), as {"<table>": [{"ItemCollectionKey": {...}, "SizeEstimateRangeGB": [0, 1]}]}.
class CollectionMetrics {
 public:
  void add(const TableDefinition& table, const Item& item);
  // Writes "ItemCollectionMetrics": {...}; nothing when no write touched such a table.
  void write(JsonWriter& writer) const;

 private:
  std::vector<std::pair<std::string, std::vector<Item>>> tables_;
};

}  // namespace eddy::ops
