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

// SizeEstimateRangeGB of a collection of `bytes`: the API reference defines it as the lower and the
// upper bound of an estimate of the collection's size in gigabytes (2^30 bytes). eddy's size is
// exact, so the bounds are the whole gigabytes around it: [0.0, 1.0] under one gigabyte (as DynamoDB
// answers for small collections), [1.0, 2.0] from 1 GB up to 2 GB, ..., [9.0, 10.0] near the 10 GB
// limit. A size of exactly N GB is in [N, N + 1].
struct SizeEstimateRange {
  double lower = 0;
  double upper = 1;
};
SizeEstimateRange size_estimate_range_gb(int64_t bytes);

// {"ItemCollectionKey": {...}, "SizeEstimateRangeGB": [lower, upper]} (size_estimate_range_gb).
void write_collection_metric(JsonWriter& writer, const CollectionMetric& metric);

// `metric`: "ItemCollectionMetrics": {"ItemCollectionKey": ..., "SizeEstimateRangeGB": ...}.
std::string item_write_response(const std::optional<Item>& attributes, ReturnConsumedCapacity mode,
                                const ConsumedCapacity& capacity,
                                const std::optional<CollectionMetric>& metric = std::nullopt);

}  // namespace eddy::ops
