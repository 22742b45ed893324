// Order-preserving binary encoding of key attribute values and of the RocksDB keys built from them.
//
// Grammar (all integers big-endian):
//   encoded_value := S/B: escaped(bytes) 0x00 0x01        (0x00 in bytes becomes 0x00 0xFF)
//                    N:   number_encoding
//   number_encoding := 0x01 negative_body | 0x02 (zero) | 0x03 positive_body
//   positive_body := (exponent + 0x8000 as uint16) digits(as bytes '0'..'9') 0x00
//   negative_body := bitwise NOT of positive_body of the absolute value (so larger magnitudes sort first)
//   item_key  := 'i' table_id:u64 partition_hash:u32 encoded_value(pk...) encoded_value(sk...)
// Byte-wise comparison of encodings equals DynamoDB's order: N numerically, S by UTF-8 bytes,
// B by unsigned bytes. Partitions are ordered by a hash of the partition key, not by insertion,
// as DynamoDB's scans are; Segment/TotalSegments of parallel scans split that hash space.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::engine {

// Appends the order-preserving encoding of a scalar key value (S, N or B).
void append_key_value(std::string& out, const AttributeValue& value);

// Decodes one value encoded by append_key_value from the front of `in`, advancing it.
// Returns false on malformed input.
bool read_key_value(std::string_view& in, AttributeType type, AttributeValue& value);

void append_u64(std::string& out, uint64_t value);
void append_u32(std::string& out, uint32_t value);
uint64_t read_u64(std::string_view bytes);
uint32_t read_u32(std::string_view bytes);

// The hash that orders partitions (stable across versions and machines: do not change).
uint32_t partition_hash(std::string_view encoded_partition_key);

// Key prefixes of the RocksDB key space. Do not renumber: persisted.
inline constexpr char kItemPrefix = 'i';
inline constexpr char kIndexPrefix = 'x';
inline constexpr char kCatalogPrefix = 'c';
inline constexpr char kCounterPrefix = 'n';
inline constexpr char kMetaPrefix = 'm';
inline constexpr char kStreamPrefix = 's';
inline constexpr char kTriggerPrefix = 't';      // event source mappings (engine/trigger_log.h)
inline constexpr char kBackupPrefix = 'b';       // on-demand backups (engine/backups.h)
inline constexpr char kPointInTimePrefix = 'p';  // point-in-time recovery (engine/point_in_time_log.h)

// The encoded partition-key part (all partition attributes in schema order) of `item`.
std::string encode_partition(const KeySchema& schema, const Item& item);
// The encoded sort-key part (all sort attributes in schema order); empty without a sort key.
std::string encode_sort(const KeySchema& schema, const Item& item);

// Prefix of every item of one table (or entry of one index: the same layout with the index id).
std::string entries_prefix(char space, uint64_t id);
// Prefix of every item of one partition.
std::string partition_prefix(char space, uint64_t id, const std::string& encoded_partition);
// The full RocksDB key of an item.
std::string item_key(uint64_t table_id, const KeySchema& schema, const Item& item);

}  // namespace eddy::engine
