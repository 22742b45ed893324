// Secondary-index maintenance; see index_writer.h.
#include "engine/index_writer.h"

#include <algorithm>

#include "engine/item_codec.h"
#include "engine/key_codec.h"
#include "model/limits.h"

namespace eddy::engine {
namespace {

// Whether `item` belongs in an index with key `schema`: every key attribute present with the
// key's type, none an empty string or binary, and the partition and sort keys within DynamoDB's
// 2,048 and 1,024 bytes. Writes are refused such keys before they get here (ops/item_validation);
// a backfill meets them in items written before the index existed, and skips them, as DynamoDB does.
bool has_key_attributes(const KeySchema& schema, const Item& item) {
  auto bytes_of = [&](const std::vector<KeyElement>& elements, std::size_t limit) -> bool {
    std::size_t bytes = 0;
    for (const auto& element : elements) {
      auto it = item.find(element.name);
      if (it == item.end() || it->second.type != element.type) return false;
      bool scalar_text = element.type == AttributeType::kS || element.type == AttributeType::kB;
      if (scalar_text && it->second.scalar.empty()) return false;
      bytes += it->second.scalar.size();
    }
    return bytes <= limit;
  };
  return bytes_of(schema.partition_key, kMaxPartitionKeyBytes) && bytes_of(schema.sort_key, kMaxSortKeyBytes);
}

void stage_one_index(const TableDefinition& table, const SecondaryIndex& index, const std::optional<Item>& old_item,
                     const std::optional<Item>& new_item, WriteSet& writes) {
  std::optional<std::string> old_key = old_item ? index_entry_key(table, index, *old_item) : std::nullopt;
  std::optional<std::string> new_key = new_item ? index_entry_key(table, index, *new_item) : std::nullopt;
  int64_t count_delta = 0;
  int64_t bytes_delta = 0;
  if (old_key) {
    Item old_projection = project_for_index(table, index, *old_item);
    bytes_delta -= static_cast<int64_t>(item_size(old_projection));
    --count_delta;
    if (!new_key || *new_key != *old_key) writes.remove(*old_key);
  }
  if (new_key) {
    Item projection = project_for_index(table, index, *new_item);
    bytes_delta += static_cast<int64_t>(item_size(projection));
    ++count_delta;
    writes.put(*new_key, encode_item(projection));
  }
  if (count_delta != 0 || bytes_delta != 0) writes.add_counters(counters_key(index.id), count_delta, bytes_delta);
}

}  // namespace

std::string counters_key(uint64_t id) { return entries_prefix(kCounterPrefix, id); }

std::optional<std::string> index_entry_key(const TableDefinition& table, const SecondaryIndex& index,
                                           const Item& item) {
  if (!has_key_attributes(index.key, item)) return std::nullopt;
  std::string key = partition_prefix(kIndexPrefix, index.id, encode_partition(index.key, item));
  key += encode_sort(index.key, item);
  key += encode_partition(table.key, item);
  key += encode_sort(table.key, item);
  return key;
}

Item project_for_index(const TableDefinition& table, const SecondaryIndex& index, const Item& item) {
  if (index.projection.type == IndexProjection::Type::kAll) return item;
  Item out;
  auto copy = [&](const std::string& name) {
    auto it = item.find(name);
    if (it != item.end()) out.insert(*it);
  };
  for (const auto& name : table.key.attribute_names()) copy(name);
  for (const auto& name : index.key.attribute_names()) copy(name);
  if (index.projection.type == IndexProjection::Type::kInclude) {
    for (const auto& name : index.projection.non_key_attributes) copy(name);
  }
  return out;
}

void stage_index_changes(const TableDefinition& table, const std::optional<Item>& old_item,
                         const std::optional<Item>& new_item, WriteSet& writes) {
  for (const auto& index : table.local_indexes) stage_one_index(table, index, old_item, new_item, writes);
  for (const auto& index : table.global_indexes) stage_one_index(table, index, old_item, new_item, writes);
}

void stage_index_entry(const TableDefinition& table, const SecondaryIndex& index, const Item& item, WriteSet& writes) {
  stage_one_index(table, index, std::nullopt, item, writes);
}

}  // namespace eddy::engine
