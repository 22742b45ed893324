// KeyRangeReader: reads one key range in key order — of a table's items ('i') or of an index's
// entries ('x') — forward or backward, after an exclusive start key. Query reads one partition
// (optionally narrowed by a sort-key condition); Scan reads a whole table or index, or one segment
// of its 32-bit partition-hash space.
//
// Ranges are built from the key grammar of key_codec.h / index_writer.h:
//   entries    := prefix(space, id)                        all entries of one table or index
//   segment    := prefix + u32(lo) .. prefix + u32(hi)     lo = ceil(segment * 2^32 / total)
//   partition  := prefix + u32(hash) + enc(pk...) [+ enc(equal sort attributes...)]
// Encoded values are self-delimiting and order-preserving, so a sort-key condition is a sub-range
// of the partition's keys.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/item_range.h"
#include "engine/storage.h"
#include "model/attribute_value.h"

namespace eddy::engine {

// The smallest key greater than every key that starts with `prefix`.
std::string prefix_end(std::string prefix);

// Every entry of a table or index.
KeyRange entries_range(char space, uint64_t id);
// The entries whose partition hash falls in segment `segment` of `total_segments` (parallel Scan):
// segment s holds hashes h with floor(h * total / 2^32) == s.
KeyRange segment_range(char space, uint64_t id, uint32_t segment, uint32_t total_segments);
// The segment a partition hash belongs to.
uint32_t segment_of(uint32_t hash, uint32_t total_segments);

// The keys of one partition (`encoded_partition` = enc(pk...)), narrowed by equality on leading
// sort attributes (`encoded_sort_prefix` = enc(...)) and by `comparison` on the next one (`value`,
// and `upper` for BETWEEN).
KeyRange partition_range(char space, uint64_t id, const std::string& encoded_partition,
                         const std::string& encoded_sort_prefix, SortComparison comparison, const AttributeValue& value,
                         const AttributeValue& upper);

// The partition hash of a full item or index-entry key (bytes 9..12 after space and id).
uint32_t key_partition_hash(std::string_view key);

class KeyRangeReader {
 public:
  // Reads `range` from `storage` (at `view` when given) in the given direction, starting after
  // `exclusive_start` (a full key; it need not exist) when given.
  KeyRangeReader(const Storage& storage, KeyRange range, bool forward,
                 const std::optional<std::string>& exclusive_start, const ReadView* view = nullptr);
  // False at the end of the range and on a read error: check status() after the loop.
  bool valid() const { return cursor_->valid(); }
  void next();
  std::string_view key() const { return cursor_->key(); }
  std::string_view value() const { return cursor_->value(); }
  Result<void> status() const { return cursor_->status(); }

 private:
  std::unique_ptr<Cursor> cursor_;
  bool forward_;
};

}  // namespace eddy::engine
