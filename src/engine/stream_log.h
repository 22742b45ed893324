// StreamLog: DynamoDB Streams' part of the key space — each stream's and shard's descriptor (bytes
// that the streams layer encodes, streams/stream_state.h) and each shard's records — behind verbs,
// so that the streams layer never sees a key or a RocksDB batch.
//
// Grammar (all under key_codec.h's kStreamPrefix 's'; integers big-endian, so keys sort numerically):
//   stream_key := 's' 'D' stream_id:u64                      -> stream descriptor
//   shard_key  := 's' 'H' stream_id:u64 shard_number:u32    -> shard descriptor
//   record_key := 's' 'R' stream_id:u64 shard_number:u32 sequence:u64
//                                                            -> record_value
//   record_value := created_ms:u64 record_json
// record_json is the complete GetRecords "Record" object, rendered once when the change commits
// (in the same WriteBatch as the item: append()), so reading a shard is a range scan that copies
// bytes. stream_id comes from Database::next_id(); shard_number counts up within a stream;
// sequence is the stream-wide counter that SequenceNumber strings encode. Do not change: persisted.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/change_observer.h"
#include "engine/storage.h"
#include "model/api_error.h"

namespace eddy::engine {

class StreamLog {
 public:
  explicit StreamLog(Storage& storage) : storage_(storage) {}

  // Descriptor changes that write() makes at once (a stream with its first shards, a shard closed
  // with its child).
  class Changes {
   public:
    void put_stream(uint64_t stream_id, std::string_view descriptor);
    void remove_stream(uint64_t stream_id);
    void put_shard(uint64_t stream_id, uint32_t shard_number, std::string_view descriptor);
    void remove_shard(uint64_t stream_id, uint32_t shard_number);
    bool empty() const { return writes_.empty(); }

   private:
    friend class StreamLog;
    WriteSet writes_;
  };
  Result<void> write(Changes& changes);

  // Adds a record to the commit of the item change it describes.
  static void append(CommitContext& context, uint64_t stream_id, uint32_t shard_number, uint64_t sequence,
                     uint64_t created_ms, std::string_view record_json);

  // Every stream descriptor, in stream id order; every shard descriptor of a stream, in shard order.
  Result<std::vector<std::string>> stream_descriptors() const;
  Result<std::vector<std::string>> shard_descriptors(uint64_t stream_id) const;

  struct Record {
    uint64_t sequence = 0;
    uint64_t created_ms = 0;
    std::string_view json;  // valid during the visit only
  };
  // Visits the shard's records with after < sequence <= up_to in sequence order until `visit`
  // returns false. Returns true when it visited every such record (it was never stopped).
  Result<bool> read_records(uint64_t stream_id, uint32_t shard_number, uint64_t after, uint64_t up_to,
                            const std::function<bool(const Record&)>& visit) const;
  // The highest sequence stored in the shard; 0 when it holds no record.
  Result<uint64_t> last_sequence(uint64_t stream_id, uint32_t shard_number) const;
  // Deletes the shard's records with sequence <= up_to, in atomic batches of at most 1,000.
  Result<void> remove_records(uint64_t stream_id, uint32_t shard_number, uint64_t up_to);
  // Deletes every record of the shard with one range deletion (a truncate: its cost does not grow
  // with the records).
  Result<void> remove_all_records(uint64_t stream_id, uint32_t shard_number);

 private:
  Storage& storage_;
};

}  // namespace eddy::engine
