// The RocksDB keys and values of DynamoDB Streams, all under engine::kStreamPrefix ('s').
//
// Grammar (integers big-endian, so that keys sort numerically):
//   stream_key := 's' 'D' stream_id:u64                      -> stream descriptor (JSON, stream_state.cc)
//   shard_key  := 's' 'H' stream_id:u64 shard_number:u32    -> shard descriptor (JSON, stream_state.cc)
//   record_key := 's' 'R' stream_id:u64 shard_number:u32 sequence:u64
//                                                            -> record_value
//   record_value := created_ms:u64 record_json
// record_json is the complete GetRecords "Record" object, rendered once when the change commits
// (in the same WriteBatch as the item), so that reading a shard is a range scan that copies bytes.
// stream_id comes from Storage::next_id(); shard_number counts up within a stream; sequence is
// the stream-wide counter that SequenceNumber strings encode (sequence_number.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eddy::streams {

std::string stream_key(uint64_t stream_id);
std::string stream_keys_begin();  // every stream descriptor is in [begin, end)
std::string stream_keys_end();
std::string shard_key(uint64_t stream_id, uint32_t shard_number);
std::string shard_keys_begin(uint64_t stream_id);
std::string shard_keys_end(uint64_t stream_id);
std::string record_key(uint64_t stream_id, uint32_t shard_number, uint64_t sequence);
// [begin, end) of every record of one shard.
std::string record_keys_begin(uint64_t stream_id, uint32_t shard_number);
std::string record_keys_end(uint64_t stream_id, uint32_t shard_number);
// The sequence of a record key (its last 8 bytes).
uint64_t record_key_sequence(std::string_view key);

std::string record_value(uint64_t created_ms, std::string_view record_json);
uint64_t record_value_created_ms(std::string_view value);
std::string_view record_value_json(std::string_view value);

}  // namespace eddy::streams
