// Item collections: the items of one partition key of a table with local secondary indexes, with
// their LSI entries. DynamoDB holds each collection to 10 GB and reports its size in
// ItemCollectionMetrics; eddy keeps one counter per collection, changed in the same atomic write
// as the item (engine/database.cc), so it survives a restart and never disagrees with the items.
//
// Counter grammar (under the counters space, after the table's own counters key):
//   collection_key := 'n' table_id:u64 partition_hash:u32 encoded(table pk...)
//   collection_value := the counters pair (count of items, bytes)
// The bytes are the size of the collection's items plus the size of their entries in every local
// secondary index (the projected attributes), as the API reference defines SizeEstimateRangeGB.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::engine {

// DynamoDB's limit on one item collection: 10 GB.
inline constexpr int64_t kItemCollectionLimitBytes = int64_t{10} * 1024 * 1024 * 1024;

// The counters key of the collection `item` (an item or its key) belongs to.
std::string item_collection_key(const TableDefinition& table, const Item& item);
// What `item` adds to its collection: its size and that of its LSI entries (0 for no item).
int64_t item_collection_bytes(const TableDefinition& table, const std::optional<Item>& item);
// ItemCollectionSizeLimitExceededException, in DynamoDB's words.
ApiError item_collection_too_large();

}  // namespace eddy::engine
