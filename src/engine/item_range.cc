// Query and Scan ranges in DynamoDB's terms; see item_range.h.
#include "engine/item_range.h"

#include "engine/index_writer.h"
#include "engine/key_codec.h"
#include "engine/key_range_reader.h"

namespace eddy::engine {

ItemRange::ItemRange(const TableDefinition& table, const SecondaryIndex* index, Kind kind)
    : table_(&table), index_(index), kind_(kind) {}

const KeySchema& ItemRange::read_key() const { return index_ != nullptr ? index_->key : table_->key; }

ItemRange ItemRange::query(const TableDefinition& table, const SecondaryIndex* index,
                           const KeyConditionBounds& bounds) {
  ItemRange range(table, index, Kind::kQuery);
  for (const auto& value : bounds.partition) append_key_value(range.encoded_partition_, value);
  std::string sort_prefix;
  for (const auto& value : bounds.sort_prefix) append_key_value(sort_prefix, value);
  range.has_sort_condition_ = !bounds.sort_prefix.empty() || bounds.comparison != SortComparison::kNone;
  char space = index != nullptr ? kIndexPrefix : kItemPrefix;
  uint64_t id = index != nullptr ? index->id : table.id;
  range.keys_ =
      partition_range(space, id, range.encoded_partition_, sort_prefix, bounds.comparison, bounds.value, bounds.upper);
  return range;
}

ItemRange ItemRange::scan(const TableDefinition& table, const SecondaryIndex* index) {
  ItemRange range(table, index, Kind::kScan);
  range.keys_ = index != nullptr ? entries_range(kIndexPrefix, index->id) : entries_range(kItemPrefix, table.id);
  return range;
}

ItemRange ItemRange::scan_segment(const TableDefinition& table, const SecondaryIndex* index, uint32_t segment,
                                  uint32_t total_segments) {
  ItemRange range(table, index, Kind::kSegment);
  range.segment_ = segment;
  range.total_segments_ = total_segments;
  range.keys_ = index != nullptr ? segment_range(kIndexPrefix, index->id, segment, total_segments)
                                 : segment_range(kItemPrefix, table.id, segment, total_segments);
  return range;
}

std::string ItemRange::key_of_start(const Item& start) const {
  if (index_ == nullptr) return item_key(table_->id, table_->key, start);
  // The start key has the index's key attributes (checked by the caller), so it has an entry key.
  return index_entry_key(*table_, *index_, start).value_or(std::string());
}

bool ItemRange::holds_partition_of(const Item& start) const {
  switch (kind_) {
    case Kind::kQuery: return encode_partition(read_key(), start) == encoded_partition_;
    case Kind::kScan: return true;
    case Kind::kSegment: return segment_of(key_partition_hash(key_of_start(start)), total_segments_) == segment_;
  }
  return true;
}

bool ItemRange::holds_sort_key_of(const Item& start) const {
  if (kind_ != Kind::kQuery || !has_sort_condition_) return true;
  // Where the start key's sort position would be in the queried partition.
  char space = index_ != nullptr ? kIndexPrefix : kItemPrefix;
  uint64_t id = index_ != nullptr ? index_->id : table_->id;
  std::string probe = partition_prefix(space, id, encoded_partition_) + encode_sort(read_key(), start);
  if (index_ != nullptr) probe += encode_partition(table_->key, start) + encode_sort(table_->key, start);
  return probe >= keys_.lower && probe < keys_.upper;
}

void ItemRange::start_after(const Item& start) { exclusive_start_ = key_of_start(start); }

}  // namespace eddy::engine
