// ShardIterator encoding; see shard_iterator.h.
#include "streams/shard_iterator.h"

#include "protocol/base64.h"

namespace eddy::streams {
namespace {

constexpr std::string_view kVersionMark = "|1|";
constexpr std::size_t kPayloadSize = 8 + 4 + 8 + 8 + 8;

// FNV-1a over the ARN and the fields, seeded with a constant: enough to tell eddy's iterators
// from edited ones (iterators are not a security boundary in a local server).
uint64_t check_of(std::string_view arn, std::string_view fields) {
  uint64_t hash = 0xcbf29ce484222325ull ^ 0x65646479ull;
  auto mix = [&hash](std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 0x100000001b3ull;
    }
  };
  mix(arn);
  mix(fields);
  return hash;
}

// Big-endian fields, as the format in shard_iterator.h says.
void append_u64(std::string& out, uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}
void append_u32(std::string& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}
uint64_t read_big_endian(std::string_view bytes) {
  uint64_t value = 0;
  for (unsigned char c : bytes) value = (value << 8) | c;
  return value;
}

}  // namespace

std::string encode_shard_iterator(const ShardIterator& it) {
  std::string payload;
  append_u64(payload, it.stream_id);
  append_u32(payload, it.shard_number);
  append_u64(payload, it.position);
  append_u64(payload, it.issued_ms);
  append_u64(payload, check_of(it.stream_arn, payload));
  return it.stream_arn + std::string(kVersionMark) + base64_encode(payload);
}

std::optional<ShardIterator> decode_shard_iterator(std::string_view text) {
  auto mark = text.rfind(kVersionMark);
  if (mark == std::string_view::npos) return std::nullopt;
  auto payload = base64_decode(text.substr(mark + kVersionMark.size()));
  if (!payload || payload->size() != kPayloadSize) return std::nullopt;
  ShardIterator it;
  it.stream_arn = std::string(text.substr(0, mark));
  std::string_view bytes(*payload);
  if (read_big_endian(bytes.substr(28, 8)) != check_of(it.stream_arn, bytes.substr(0, 28))) return std::nullopt;
  it.stream_id = read_big_endian(bytes.substr(0, 8));
  it.shard_number = static_cast<uint32_t>(read_big_endian(bytes.substr(8, 4)));
  it.position = read_big_endian(bytes.substr(12, 8));
  it.issued_ms = read_big_endian(bytes.substr(20, 8));
  return it;
}

}  // namespace eddy::streams
