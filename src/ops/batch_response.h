// What the answers of BatchGetItem, BatchWriteItem, TransactGetItems and TransactWriteItems share:
// per-table capacity totals and ItemCollectionMetrics.
#pragma once

#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "ops/consumed_capacity.h"
#include "protocol/json.h"

namespace eddy::ops {

// Capacity per table, in the order tables first appear.
class CapacityTotals {
 public:
  // Adds `capacity` scaled by `factor` (transactions count every unit twice).
  void add(const ConsumedCapacity& capacity, double factor = 1);
  // Writes "ConsumedCapacity": [...] (nothing for kNone).
  void write(JsonWriter& writer, ReturnConsumedCapacity mode) const;

 private:
  std::vector<ConsumedCapacity> tables_;
};

// ItemCollectionMetrics of writes to tables with local secondary indexes (the only tables that
// have item collections), as {"<table>": [{"ItemCollectionKey": {...}, "SizeEstimateRangeGB": [0, 1]}]}.
class ItemCollectionMetrics {
 public:
  void add(const TableDefinition& table, const Item& item);
  // Writes "ItemCollectionMetrics": {...}; nothing when no write touched such a table.
  void write(JsonWriter& writer) const;

 private:
  std::vector<std::pair<std::string, std::vector<Item>>> tables_;
};

}  // namespace eddy::ops
