// Stream key and value encodings; the grammar is in stream_keys.h.
#include "streams/stream_keys.h"

#include "engine/key_codec.h"

namespace eddy::streams {
namespace {

constexpr char kStreamTag = 'D';
constexpr char kShardTag = 'H';
constexpr char kRecordTag = 'R';

std::string tagged(char tag) {
  std::string key(1, engine::kStreamPrefix);
  key.push_back(tag);
  return key;
}

std::string with_stream(char tag, uint64_t stream_id) {
  std::string key = tagged(tag);
  engine::append_u64(key, stream_id);
  return key;
}

std::string with_shard(char tag, uint64_t stream_id, uint32_t shard_number) {
  std::string key = with_stream(tag, stream_id);
  engine::append_u32(key, shard_number);
  return key;
}

}  // namespace

std::string stream_key(uint64_t stream_id) { return with_stream(kStreamTag, stream_id); }
std::string stream_keys_begin() { return tagged(kStreamTag); }
std::string stream_keys_end() { return tagged(kStreamTag + 1); }
std::string shard_key(uint64_t stream_id, uint32_t shard_number) {
  return with_shard(kShardTag, stream_id, shard_number);
}
std::string shard_keys_begin(uint64_t stream_id) { return with_stream(kShardTag, stream_id); }
std::string shard_keys_end(uint64_t stream_id) { return with_stream(kShardTag, stream_id + 1); }

std::string record_key(uint64_t stream_id, uint32_t shard_number, uint64_t sequence) {
  std::string key = with_shard(kRecordTag, stream_id, shard_number);
  engine::append_u64(key, sequence);
  return key;
}
std::string record_keys_begin(uint64_t stream_id, uint32_t shard_number) {
  return with_shard(kRecordTag, stream_id, shard_number);
}
std::string record_keys_end(uint64_t stream_id, uint32_t shard_number) {
  // The next shard number's prefix; shard numbers never reach UINT32_MAX.
  return with_shard(kRecordTag, stream_id, shard_number + 1);
}
uint64_t record_key_sequence(std::string_view key) { return engine::read_u64(key.substr(key.size() - 8)); }

std::string record_value(uint64_t created_ms, std::string_view record_json) {
  std::string value;
  value.reserve(8 + record_json.size());
  engine::append_u64(value, created_ms);
  value.append(record_json);
  return value;
}
uint64_t record_value_created_ms(std::string_view value) { return engine::read_u64(value.substr(0, 8)); }
std::string_view record_value_json(std::string_view value) { return value.substr(8); }

}  // namespace eddy::streams
