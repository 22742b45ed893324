// Item collection sizes; see item_collection.h.
#include "engine/item_collection.h"

#include "engine/index_writer.h"
#include "engine/key_codec.h"

namespace eddy::engine {

std::string item_collection_key(const TableDefinition& table, const Item& item) {
  return partition_prefix(kCounterPrefix, table.id, encode_partition(table.key, item));
}

int64_t item_collection_bytes(const TableDefinition& table, const std::optional<Item>& item) {
  if (!item) return 0;
  auto bytes = static_cast<int64_t>(item_size(*item));
  for (const auto& index : table.local_indexes) {
    if (index_entry_key(table, index, *item))
      bytes += static_cast<int64_t>(item_size(project_for_index(table, index, *item)));
  }
  return bytes;
}

ApiError item_collection_too_large() {
  return ApiError{ErrorCode::kItemCollectionSizeLimitExceeded, "Collection size exceeded.", {}};
}

}  // namespace eddy::engine
