// ItemRange: what one Query or Scan page reads — a table's items or one index's entries, in key
// order — described in DynamoDB's terms (a partition narrowed by a key condition, a whole table or
// index, one Segment of TotalSegments, an ExclusiveStartKey), so that the key format stays inside
// the engine. Database::read turns it into an ItemReader. The key ranges behind it are those of
// key_range_reader.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::engine {

// A half-open range [lower, upper) of RocksDB keys (engine-internal).
struct KeyRange {
  std::string lower;
  std::string upper;
};

// How a Query narrows a partition by its (next) sort-key attribute.
enum class SortComparison { kNone, kEq, kLt, kLe, kGt, kGe, kBetween, kBeginsWith };

// A Query's key condition: the partition key's values (in key-schema order), equality on leading
// sort attributes, and `comparison` on the next one (`value`, and `upper` for BETWEEN). Values have
// the key attributes' types (checked by the caller).
struct KeyConditionBounds {
  std::vector<AttributeValue> partition;
  std::vector<AttributeValue> sort_prefix;
  SortComparison comparison = SortComparison::kNone;
  AttributeValue value;
  AttributeValue upper;
};

class ItemRange {
 public:
  // `index` is null for the table itself, else one of `table`'s indexes. Both must outlive the
  // range (the caller holds the TablePtr).
  static ItemRange query(const TableDefinition& table, const SecondaryIndex* index, const KeyConditionBounds& bounds);
  static ItemRange scan(const TableDefinition& table, const SecondaryIndex* index);
  // Segment `segment` of `total_segments` (0 <= segment < total_segments) of a parallel Scan:
  // the partitions whose partition hash h has floor(h * total / 2^32) == segment.
  static ItemRange scan_segment(const TableDefinition& table, const SecondaryIndex* index, uint32_t segment,
                                uint32_t total_segments);

  // For an ExclusiveStartKey that has every key attribute of the table and the index, with the
  // declared types: a Query's says whether it is in the queried partition, a segment's whether
  // its partition hash is in the segment; a whole Scan holds every partition.
  bool holds_partition_of(const Item& start) const;
  // A Query's: whether the start key's place in the sort order of the queried partition lies
  // within the key condition (always true without a sort-key condition).
  bool holds_sort_key_of(const Item& start) const;
  // The read begins after `start` (exclusive; the item need not exist).
  void start_after(const Item& start);

  const KeyRange& keys() const { return keys_; }
  const std::optional<std::string>& exclusive_start() const { return exclusive_start_; }

 private:
  enum class Kind { kQuery, kScan, kSegment };
  ItemRange(const TableDefinition& table, const SecondaryIndex* index, Kind kind);
  const KeySchema& read_key() const;
  // The storage key of `start` in what this range reads (an item key or an index-entry key).
  std::string key_of_start(const Item& start) const;

  const TableDefinition* table_;
  const SecondaryIndex* index_;
  Kind kind_;
  KeyRange keys_;
  std::string encoded_partition_;  // kQuery
  bool has_sort_condition_ = false;
  uint32_t segment_ = 0;  // kSegment
  uint32_t total_segments_ = 1;
  std::optional<std::string> exclusive_start_;
};

}  // namespace eddy::engine
