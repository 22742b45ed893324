// Reading tables and indexes in key order; see key_range_reader.h.
#include "engine/key_range_reader.h"

#include "engine/key_codec.h"

namespace eddy::engine {
namespace {

constexpr uint64_t kHashSpace = uint64_t{1} << 32;

// The encoding of a string or binary value without its terminator: every value that begins with
// it (begins_with) has an encoding that begins with these bytes.
std::string encoded_prefix_of(const AttributeValue& value) {
  std::string out;
  append_key_value(out, value);
  out.resize(out.size() - 2);  // drop the 0x00 0x01 terminator
  return out;
}

std::string encoded(const AttributeValue& value) {
  std::string out;
  append_key_value(out, value);
  return out;
}

}  // namespace

std::string prefix_end(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

KeyRange entries_range(char space, uint64_t id) { return {entries_prefix(space, id), entries_prefix(space, id + 1)}; }

uint32_t segment_of(uint32_t hash, uint32_t total_segments) {
  return static_cast<uint32_t>((static_cast<uint64_t>(hash) * total_segments) >> 32);
}

KeyRange segment_range(char space, uint64_t id, uint32_t segment, uint32_t total_segments) {
  // The first hash of segment s is ceil(s * 2^32 / total).
  auto first_hash = [&](uint64_t s) { return (s * kHashSpace + total_segments - 1) / total_segments; };
  KeyRange range;
  range.lower = entries_prefix(space, id);
  append_u32(range.lower, static_cast<uint32_t>(first_hash(segment)));
  uint64_t end = first_hash(uint64_t{segment} + 1);
  if (end >= kHashSpace) {
    range.upper = entries_prefix(space, id + 1);
  } else {
    range.upper = entries_prefix(space, id);
    append_u32(range.upper, static_cast<uint32_t>(end));
  }
  return range;
}

KeyRange partition_range(char space, uint64_t id, const std::string& encoded_partition,
                         const std::string& encoded_sort_prefix, SortComparison comparison, const AttributeValue& value,
                         const AttributeValue& upper) {
  std::string base = partition_prefix(space, id, encoded_partition) + encoded_sort_prefix;
  std::string end = prefix_end(base);
  switch (comparison) {
    case SortComparison::kNone: return {base, end};
    case SortComparison::kEq: {
      std::string at = base + encoded(value);
      return {at, prefix_end(at)};
    }
    case SortComparison::kLt: return {base, base + encoded(value)};
    case SortComparison::kLe: return {base, prefix_end(base + encoded(value))};
    case SortComparison::kGt: return {prefix_end(base + encoded(value)), end};
    case SortComparison::kGe: return {base + encoded(value), end};
    case SortComparison::kBetween: return {base + encoded(value), prefix_end(base + encoded(upper))};
    case SortComparison::kBeginsWith: {
      std::string at = base + encoded_prefix_of(value);
      return {at, prefix_end(at)};
    }
  }
  return {base, end};
}

uint32_t key_partition_hash(std::string_view key) { return read_u32(key.substr(9, 4)); }

KeyRangeReader::KeyRangeReader(const Storage& storage, KeyRange range, bool forward,
                               const std::optional<std::string>& exclusive_start, const ReadView* view)
    : forward_(forward) {
  if (exclusive_start) {
    // Keys are prefix-free, so start + 0x00 is the first key after `start` going forward.
    if (forward && *exclusive_start + '\0' > range.lower) range.lower = *exclusive_start + '\0';
    if (!forward && *exclusive_start < range.upper) range.upper = *exclusive_start;
  }
  bool empty = range.lower >= range.upper;
  if (empty) range.upper = range.lower;
  cursor_ = storage.cursor(range.lower, range.upper, view);
  if (empty) return;  // an empty bounded cursor is never valid
  if (forward) {
    cursor_->seek_to_first();
  } else {
    cursor_->seek_to_last();
  }
}

void KeyRangeReader::next() {
  if (forward_) {
    cursor_->next();
  } else {
    cursor_->prev();
  }
}

}  // namespace eddy::engine
