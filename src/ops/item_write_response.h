// The answer of a single-item write (PutItem, DeleteItem, UpdateItem): Attributes (when given and
// not empty), ConsumedCapacity, ItemCollectionMetrics (when given).
#pragma once

#include <optional>
#include <string>

#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "ops/consumed_capacity.h"

namespace eddy::ops {

// The key of the item collection a write to `item` (an item or its key) touched, when the request
// asked for ReturnItemCollectionMetrics SIZE and the table has local secondary indexes (the only
// tables with item collections): the item's partition key attributes.
std::optional<Item> item_collection_key(const TableDefinition& table, const Item& item, bool asked);

// `collection_key`: "ItemCollectionMetrics": {"ItemCollectionKey": ..., "SizeEstimateRangeGB": ...}.
std::string item_write_response(const std::optional<Item>& attributes, ReturnConsumedCapacity mode,
                                const ConsumedCapacity& capacity,
                                const std::optional<Item>& collection_key = std::nullopt);

}  // namespace eddy::ops
