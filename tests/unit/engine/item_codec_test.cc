// Items survive the on-disk encoding exactly, and corrupt bytes are refused rather than misread.
#include "engine/item_codec.h"

#include <gtest/gtest.h>

namespace eddy::engine {
namespace {

Item sample_item() {
  AttributeValue set;
  set.type = AttributeType::kNS;
  set.set = {"1", "2.5"};
  AttributeValue list;
  list.type = AttributeType::kL;
  list.list = {AttributeValue::string(""), AttributeValue::null(), AttributeValue::boolean_value(false)};
  AttributeValue map;
  map.type = AttributeType::kM;
  map.map = {{"nested", list}, {"bin", AttributeValue::binary(std::string("\0\xff", 2))}};
  return {{"pk", AttributeValue::string("key")}, {"n", AttributeValue::number("-12.5")}, {"ns", set}, {"m", map}};
}

TEST(ItemCodec, RoundTrips) {
  Item item = sample_item();
  auto decoded = decode_item(encode_item(item));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, item);
}

TEST(ItemCodec, RefusesTruncatedInput) {
  std::string bytes = encode_item(sample_item());
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    EXPECT_FALSE(decode_item(std::string_view(bytes).substr(0, length)).has_value()) << length;
  }
}

TEST(ItemCodec, EmptyItem) {
  auto decoded = decode_item(encode_item({}));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_TRUE(decoded->empty());
}

// Bytes claiming lists within lists far deeper than anything stored are corrupt: refused, and read
// without recursing that deep.
TEST(ItemCodec, RefusesNestingNoWriteCouldHaveStored) {
  std::string bytes;
  bytes.push_back(1);  // one attribute
  bytes.push_back(1);  // name length
  bytes.push_back('a');
  for (int i = 0; i < 200000; ++i) {
    bytes.push_back(static_cast<char>(AttributeType::kL));
    bytes.push_back(1);  // one element
  }
  bytes.push_back(static_cast<char>(AttributeType::kNull));
  EXPECT_FALSE(decode_item(bytes).has_value());
}

TEST(ItemCodec, ReadsItemsNested32Deep) {
  AttributeValue value = AttributeValue::string("x");
  for (int i = 0; i < 32; ++i) {
    AttributeValue list;
    list.type = AttributeType::kL;
    list.list = {value};
    value = list;
  }
  Item item{{"pk", AttributeValue::string("k")}, {"deep", value}};
  auto decoded = decode_item(encode_item(item));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, item);
}

}  // namespace
}  // namespace eddy::engine
