// The answer of a single-item write (PutItem, DeleteItem, UpdateItem): Attributes (when given and
// not empty), ConsumedCapacity, ItemCollectionMetrics (when given).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/database.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "ops/consumed_capacity.h"
#include "protocol/json.h"

namespace eddy::ops {

// One entry of ItemCollectionMetrics: the collection's partition key and its size in bytes.
struct CollectionMetric {
  Item key;
  int64_t bytes = 0;
};

// The metric of the item collection a write to `item` (an item or its key) touched, when the
// request asked for ReturnItemCollectionMetrics SIZE and the table has local secondary indexes (the
// only tables with item collections): the item's partition key attributes and the collection's
// size after the write.
std::optional<CollectionMetric> item_collection_metric(const TableDefinition& table, const Item& item,
                                                       const engine::WriteOutcome& outcome, bool asked);

// {"ItemCollectionKey": {...}, "SizeEstimateRangeGB": [lower, upper]}: the bounds are the whole
// gigabytes (2^30 bytes) below and above the collection's size, [0.0, 1.0] under one gigabyte as
// DynamoDB answers for small collections.
void write_collection_metric(JsonWriter& writer, const CollectionMetric& metric);

// `metric`: "ItemCollectionMetrics": {"ItemCollectionKey": ..., "SizeEstimateRangeGB": ...}.
std::string item_write_response(const std::optional<Item>& attributes, ReturnConsumedCapacity mode,
                                const ConsumedCapacity& capacity,
                                const std::optional<CollectionMetric>& metric = std::nullopt);

}  // namespace eddy::ops
