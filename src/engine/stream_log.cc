// The stream log's keys and verbs; the grammar is in stream_log.h.
#include "engine/stream_log.h"

#include <algorithm>

#include "engine/key_codec.h"
#include "model/result.h"

namespace eddy::engine {
namespace {

constexpr char kStreamTag = 'D';
constexpr char kShardTag = 'H';
constexpr char kRecordTag = 'R';
constexpr std::size_t kRemoveBatch = 1000;

std::string tagged(char tag) {
  std::string key(1, kStreamPrefix);
  key.push_back(tag);
  return key;
}

std::string with_stream(char tag, uint64_t stream_id) {
  std::string key = tagged(tag);
  append_u64(key, stream_id);
  return key;
}

std::string with_shard(char tag, uint64_t stream_id, uint32_t shard_number) {
  std::string key = with_stream(tag, stream_id);
  append_u32(key, shard_number);
  return key;
}

std::string stream_key(uint64_t stream_id) { return with_stream(kStreamTag, stream_id); }
std::string shard_key(uint64_t stream_id, uint32_t shard_number) {
  return with_shard(kShardTag, stream_id, shard_number);
}
std::string record_key(uint64_t stream_id, uint32_t shard_number, uint64_t sequence) {
  std::string key = with_shard(kRecordTag, stream_id, shard_number);
  append_u64(key, sequence);
  return key;
}
std::string record_keys_begin(uint64_t stream_id, uint32_t shard_number) {
  return with_shard(kRecordTag, stream_id, shard_number);
}
// The next shard number's prefix; shard numbers never reach UINT32_MAX.
std::string record_keys_end(uint64_t stream_id, uint32_t shard_number) {
  return with_shard(kRecordTag, stream_id, shard_number + 1);
}
// The first key past sequence `up_to` of the shard.
std::string record_keys_after(uint64_t stream_id, uint32_t shard_number, uint64_t up_to) {
  return up_to == UINT64_MAX ? record_keys_end(stream_id, shard_number)
                             : record_key(stream_id, shard_number, up_to + 1);
}
uint64_t record_key_sequence(std::string_view key) { return read_u64(key.substr(key.size() - 8)); }

Result<std::vector<std::string>> values_in(const Storage& storage, std::string lower, std::string upper) {
  std::vector<std::string> values;
  auto cursor = storage.cursor(std::move(lower), std::move(upper));
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) values.emplace_back(cursor->value());
  EDDY_TRY_VOID(cursor->status());
  return values;
}

}  // namespace

void StreamLog::Changes::put_stream(uint64_t stream_id, std::string_view descriptor) {
  writes_.put(stream_key(stream_id), descriptor);
}
void StreamLog::Changes::remove_stream(uint64_t stream_id) { writes_.remove(stream_key(stream_id)); }
void StreamLog::Changes::put_shard(uint64_t stream_id, uint32_t shard_number, std::string_view descriptor) {
  writes_.put(shard_key(stream_id, shard_number), descriptor);
}
void StreamLog::Changes::remove_shard(uint64_t stream_id, uint32_t shard_number) {
  writes_.remove(shard_key(stream_id, shard_number));
}

Result<void> StreamLog::write(Changes& changes) {
  if (changes.empty()) return {};
  return storage_.write(changes.writes_);
}

void StreamLog::append(CommitContext& context, uint64_t stream_id, uint32_t shard_number, uint64_t sequence,
                       uint64_t created_ms, std::string_view record_json) {
  std::string value;
  value.reserve(8 + record_json.size());
  append_u64(value, created_ms);
  value.append(record_json);
  context.writes_.put(record_key(stream_id, shard_number, sequence), value);
}

Result<std::vector<std::string>> StreamLog::stream_descriptors() const {
  return values_in(storage_, tagged(kStreamTag), tagged(kStreamTag + 1));
}

Result<std::vector<std::string>> StreamLog::shard_descriptors(uint64_t stream_id) const {
  return values_in(storage_, with_stream(kShardTag, stream_id), with_stream(kShardTag, stream_id + 1));
}

Result<bool> StreamLog::read_records(uint64_t stream_id, uint32_t shard_number, uint64_t after, uint64_t up_to,
                                     const std::function<bool(const Record&)>& visit) const {
  if (after >= up_to) return true;
  auto cursor = storage_.cursor(record_key(stream_id, shard_number, after + 1),
                                record_keys_after(stream_id, shard_number, up_to));
  bool complete = true;
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    std::string_view value = cursor->value();
    if (value.size() < 8) return fail(storage_failure("a stream record is shorter than its header (corruption)"));
    Record record{record_key_sequence(cursor->key()), read_u64(value.substr(0, 8)), value.substr(8)};
    if (!visit(record)) {
      complete = false;
      break;
    }
  }
  EDDY_TRY_VOID(cursor->status());
  return complete;
}

Result<uint64_t> StreamLog::last_sequence(uint64_t stream_id, uint32_t shard_number) const {
  auto cursor = storage_.cursor(record_keys_begin(stream_id, shard_number), record_keys_end(stream_id, shard_number));
  cursor->seek_to_last();
  uint64_t last = cursor->valid() ? record_key_sequence(cursor->key()) : 0;
  EDDY_TRY_VOID(cursor->status());
  return last;
}

Result<void> StreamLog::remove_records(uint64_t stream_id, uint32_t shard_number, uint64_t up_to) {
  std::string lower = record_keys_begin(stream_id, shard_number);
  std::string upper = record_keys_after(stream_id, shard_number, up_to);
  while (true) {
    // Listed first and deleted after, a batch at a time, each listing starting past the last
    // (so it does not read the tombstones of the batches before).
    std::vector<std::string> keys;
    {
      auto cursor = storage_.cursor(lower, upper);
      for (cursor->seek_to_first(); cursor->valid() && keys.size() < kRemoveBatch; cursor->next()) {
        keys.emplace_back(cursor->key());
      }
      EDDY_TRY_VOID(cursor->status());
    }
    if (keys.empty()) return {};
    WriteSet writes;
    for (const auto& key : keys) writes.remove(key);
    EDDY_TRY_VOID(storage_.write(writes));
    if (keys.size() < kRemoveBatch) return {};
    lower = keys.back() + '\0';  // record keys are all the same length: the first key after
  }
}

Result<void> StreamLog::remove_all_records(uint64_t stream_id, uint32_t shard_number) {
  WriteSet writes;
  writes.remove_range(record_keys_begin(stream_id, shard_number), record_keys_end(stream_id, shard_number));
  return storage_.write(writes);
}

}  // namespace eddy::engine
