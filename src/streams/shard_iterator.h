// ShardIterator: the opaque text GetShardIterator returns and GetRecords consumes. It names a
// position in one shard ("records with a sequence above `position` come next") and the time it
// was issued (iterators expire after 15 minutes, as on AWS).
//
// Format: <StreamArn> "|1|" base64(payload), where payload (big-endian) is
//   stream_id:u64 shard_number:u32 position:u64 issued_ms:u64 check:u64
// and `check` is a keyed hash of the rest, so that an edited or truncated iterator is refused
// with ValidationException instead of reading an arbitrary position.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eddy::streams {

struct ShardIterator {
  std::string stream_arn;
  uint64_t stream_id = 0;
  uint32_t shard_number = 0;
  uint64_t position = 0;
  uint64_t issued_ms = 0;
};

std::string encode_shard_iterator(const ShardIterator& iterator);
// nullopt when the text is not an iterator eddy issued.
std::optional<ShardIterator> decode_shard_iterator(std::string_view text);

}  // namespace eddy::streams
