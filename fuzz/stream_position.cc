// Fuzz target: the positions a stream reader hands back to eddy: ShardIterator text
// (streams/shard_iterator.h, GetRecords' and GetShardIterator's input) and SequenceNumber text
// (streams/sequence_number.h, AFTER_SEQUENCE_NUMBER / AT_SEQUENCE_NUMBER). The input is tried as
// both. Properties:
//   - a SequenceNumber that parses is exactly the text format_sequence_number writes for its value;
//   - an iterator that decodes encodes back to an iterator that decodes to the same fields;
//   - an iterator built from the input's bytes (the ARN is the text before the first 36 bytes)
//     decodes to itself, and no edit of one byte of its payload is taken for a valid iterator.
#include <cstring>

#include "fuzz_check.h"
#include "streams/sequence_number.h"
#include "streams/shard_iterator.h"

namespace {

using namespace eddy;

bool same(const streams::ShardIterator& a, const streams::ShardIterator& b) {
  return a.stream_arn == b.stream_arn && a.stream_id == b.stream_id && a.shard_number == b.shard_number &&
         a.position == b.position && a.issued_ms == b.issued_ms;
}

uint64_t u64_at(const uint8_t* bytes) {
  uint64_t value = 0;
  std::memcpy(&value, bytes, sizeof value);
  return value;
}

void check_built(const uint8_t* data, size_t size) {
  if (size < 28) return;
  streams::ShardIterator built;
  built.stream_id = u64_at(data);
  built.shard_number = static_cast<uint32_t>(u64_at(data + 8));
  built.position = u64_at(data + 12);
  built.issued_ms = u64_at(data + 20);
  built.stream_arn.assign(reinterpret_cast<const char*>(data + 28), size - 28);
  std::string text = streams::encode_shard_iterator(built);
  auto decoded = streams::decode_shard_iterator(text);
  FUZZ_CHECK(decoded && same(*decoded, built));
  // Flip one character of the base64 payload (the last 48): never a different valid iterator.
  std::size_t at = text.size() - 1 - (data[0] % 48);
  std::string edited = text;
  edited[at] = edited[at] == 'A' ? 'B' : 'A';
  auto forged = streams::decode_shard_iterator(edited);
  FUZZ_CHECK(!forged || same(*forged, built));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::text_of(data, size);
  if (auto sequence = streams::parse_sequence_number(text)) {
    FUZZ_CHECK(streams::format_sequence_number(*sequence) == text);
  }
  if (auto iterator = streams::decode_shard_iterator(text)) {
    auto again = streams::decode_shard_iterator(streams::encode_shard_iterator(*iterator));
    FUZZ_CHECK(again && same(*again, *iterator));
  }
  check_built(data, size);
  return 0;
}
