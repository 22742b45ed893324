// KeyRangeReader and its key ranges: segments split the hash space exactly, sort-key conditions
// become the right sub-ranges, and reads honour direction and the exclusive start key.
#include "engine/key_range_reader.h"

#include <gtest/gtest.h>

#include "engine/key_codec.h"

namespace eddy::engine {
namespace {

std::string hash_key(uint64_t id, uint32_t hash) {
  std::string key = entries_prefix(kItemPrefix, id);
  append_u32(key, hash);
  return key + "x";
}

TEST(KeyRangeTest, PrefixEndSkipsTrailingFf) {
  EXPECT_EQ(prefix_end("ab"), "ac");
  EXPECT_EQ(prefix_end(std::string("a\xff\xff", 3)), "b");
}

TEST(KeyRangeTest, SegmentsCoverTheHashSpaceOnce) {
  for (uint32_t total : {1u, 3u, 4u, 7u, 1000u}) {
    for (uint32_t hash : {0u, 1u, 0x7fffffffu, 0x80000000u, 0xfffffffeu, 0xffffffffu, 123456789u}) {
      int containing = 0;
      for (uint32_t s = 0; s < total; ++s) {
        KeyRange range = segment_range(kItemPrefix, 5, s, total);
        std::string key = hash_key(5, hash);
        if (key >= range.lower && key < range.upper) {
          ++containing;
          EXPECT_EQ(segment_of(hash, total), s);
        }
      }
      EXPECT_EQ(containing, 1) << "hash " << hash << " total " << total;
    }
  }
}

std::string sort_key(const std::string& partition, const AttributeValue& sort) {
  std::string key = partition_prefix(kItemPrefix, 9, partition);
  append_key_value(key, sort);
  return key;
}

TEST(KeyRangeTest, SortConditionsBecomeSubRanges) {
  std::string partition;
  append_key_value(partition, AttributeValue::string("p"));
  auto n = [](const char* text) { return AttributeValue::number(text); };
  auto in = [&](SortComparison op, const AttributeValue& v, const AttributeValue& key, const AttributeValue& upper) {
    KeyRange range = partition_range(kItemPrefix, 9, partition, "", op, v, upper);
    std::string k = sort_key(partition, key);
    return k >= range.lower && k < range.upper;
  };
  EXPECT_TRUE(in(SortComparison::kEq, n("5"), n("5"), {}));
  EXPECT_FALSE(in(SortComparison::kEq, n("5"), n("50"), {}));
  EXPECT_TRUE(in(SortComparison::kLt, n("5"), n("-7"), {}));
  EXPECT_FALSE(in(SortComparison::kLt, n("5"), n("5"), {}));
  EXPECT_TRUE(in(SortComparison::kLe, n("5"), n("5"), {}));
  EXPECT_FALSE(in(SortComparison::kGt, n("5"), n("5"), {}));
  EXPECT_TRUE(in(SortComparison::kGt, n("5"), n("5.01"), {}));
  EXPECT_TRUE(in(SortComparison::kGe, n("5"), n("5"), {}));
  EXPECT_TRUE(in(SortComparison::kBetween, n("1"), n("3"), n("3")));
  EXPECT_FALSE(in(SortComparison::kBetween, n("1"), n("3.5"), n("3")));
  auto s = [](const char* text) { return AttributeValue::string(text); };
  EXPECT_TRUE(in(SortComparison::kBeginsWith, s("ab"), s("ab"), {}));
  EXPECT_TRUE(in(SortComparison::kBeginsWith, s("ab"), s("abz"), {}));
  EXPECT_FALSE(in(SortComparison::kBeginsWith, s("ab"), s("a"), {}));
  EXPECT_FALSE(in(SortComparison::kBeginsWith, s("ab"), s("ac"), {}));
}

TEST(KeyRangeReaderTest, ReadsBothWaysAfterTheStartKey) {
  StorageOptions options;
  options.in_memory = true;
  auto storage = Storage::open(options);
  ASSERT_TRUE(storage);
  WriteSet writes;
  for (const char* k : {"a", "b", "c", "d"}) writes.put(entries_prefix(kItemPrefix, 1) + k, k);
  writes.put(entries_prefix(kItemPrefix, 2) + "z", "other table");
  ASSERT_TRUE((*storage)->write(writes));
  auto read = [&](bool forward, const std::optional<std::string>& start) {
    std::string out;
    KeyRangeReader reader(**storage, entries_range(kItemPrefix, 1), forward, start);
    for (; reader.valid(); reader.next()) out += reader.value();
    return out;
  };
  EXPECT_EQ(read(true, std::nullopt), "abcd");
  EXPECT_EQ(read(false, std::nullopt), "dcba");
  EXPECT_EQ(read(true, entries_prefix(kItemPrefix, 1) + "b"), "cd");
  EXPECT_EQ(read(false, entries_prefix(kItemPrefix, 1) + "c"), "ba");
  EXPECT_EQ(read(true, entries_prefix(kItemPrefix, 1) + "bb"), "cd");
  EXPECT_EQ(read(true, entries_prefix(kItemPrefix, 1) + "d"), "");
}

}  // namespace
}  // namespace eddy::engine
