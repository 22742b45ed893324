// What the answers of BatchGetItem, BatchWriteItem, TransactGetItems and TransactWriteItems share:
// per-table capacity totals and ItemCollectionMetrics.
#pragma once

#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "ops/consumed_capacity.h"
#include "ops/item_write_response.h"
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
// have item collections), as {"<table>": [{"ItemCollectionKey": {...}, "SizeEstimateRangeGB": [...]}]},
// one entry per collection with its size after the last write to it.
class ItemCollectionMetrics {
 public:
  void add(const TableDefinition& table, const Item& item, const engine::WriteOutcome& outcome);
  // Writes "ItemCollectionMetrics": {...}; nothing when no write touched such a table.
  void write(JsonWriter& writer) const;

 private:
  std::vector<std::pair<std::string, std::vector<CollectionMetric>>> tables_;
};

}  // namespace eddy::ops
