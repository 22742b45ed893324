// TriggerLog: the event source mappings' part of the key space — each mapping's descriptor and its
// checkpoints, one per shard it has read from — behind verbs, so that the triggers layer never sees
// a key or a RocksDB batch. The descriptor and checkpoint bytes are the triggers layer's own
// (triggers/mapping_codec.h, triggers/checkpoint.h).
//
// Grammar (under key_codec.h's kTriggerPrefix 't'):
//   mapping_key    := 't' 'M' uuid                       -> mapping descriptor
//   checkpoint_key := 't' 'C' uuid 0x00 shard_id         -> checkpoint
// uuid is the mapping's 36-character UUID; shard_id is DynamoDB's ShardId text. A mapping and its
// checkpoints are removed together (remove_mapping). Do not change: persisted.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/storage.h"
#include "model/api_error.h"

namespace eddy::engine {

class TriggerLog {
 public:
  explicit TriggerLog(Storage& storage) : storage_(storage) {}

  // Changes that write() makes at once (a mapping with its first checkpoints).
  class Changes {
   public:
    void put_mapping(std::string_view uuid, std::string_view descriptor);
    void put_checkpoint(std::string_view uuid, std::string_view shard_id, std::string_view checkpoint);
    void remove_checkpoint(std::string_view uuid, std::string_view shard_id);
    bool empty() const { return writes_.empty(); }

   private:
    friend class TriggerLog;
    WriteSet writes_;
  };
  Result<void> write(Changes& changes);

  // (uuid, descriptor) of every mapping, in uuid order.
  Result<std::vector<std::pair<std::string, std::string>>> mappings() const;
  // (shard_id, checkpoint) of every checkpoint of the mapping, in shard id order.
  Result<std::vector<std::pair<std::string, std::string>>> checkpoints(std::string_view uuid) const;
  // Deletes the mapping's descriptor and every checkpoint of it, atomically.
  Result<void> remove_mapping(std::string_view uuid);

 private:
  Storage& storage_;
};

}  // namespace eddy::engine
