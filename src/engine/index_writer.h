// Secondary-index maintenance inside the commit path: for each LSI and GSI, the entry an item has
// (none when it lacks an index key attribute: indexes are sparse) and the changes between the old
// and new item's entries.
//
// Index entry grammar:
//   entry_key := 'x' index_id:u64 partition_hash:u32 encoded(index pk...) encoded(index sk...)
//                encoded(table pk...) encoded(table sk...)
//   entry_value := item_codec(projected item)
#pragma once

#include <optional>
#include <string>

#include "engine/storage.h"
#include "model/table_definition.h"

namespace eddy::engine {

// The entry key of `item` in `index`, or nullopt when the item is not in the index.
std::optional<std::string> index_entry_key(const TableDefinition& table, const SecondaryIndex& index, const Item& item);
// The attributes of `item` that `index` projects (keys of table and index always).
Item project_for_index(const TableDefinition& table, const SecondaryIndex& index, const Item& item);
// Adds to `writes` the index changes from old_item to new_item (for every index of `table`), and
// the index counters.
void stage_index_changes(const TableDefinition& table, const std::optional<Item>& old_item,
                         const std::optional<Item>& new_item, WriteSet& writes);
// Adds the index entry of `item` to one index (GSI backfill).
void stage_index_entry(const TableDefinition& table, const SecondaryIndex& index, const Item& item, WriteSet& writes);

std::string counters_key(uint64_t id);

}  // namespace eddy::engine
