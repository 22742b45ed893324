// The key encoding must sort exactly as DynamoDB sorts keys: N numerically, S by UTF-8 bytes,
// B by unsigned bytes; and decode back to the same value.
#include "engine/key_codec.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "model/number.h"

namespace eddy::engine {
namespace {

std::string encoded(const AttributeValue& value) {
  std::string out;
  append_key_value(out, value);
  return out;
}

AttributeValue random_number(std::mt19937_64& random) {
  std::uniform_int_distribution<int> digits_count(1, 38);
  std::uniform_int_distribution<int> exponent(-129, 125);
  std::string text = random() % 2 ? "-" : "";
  int count = digits_count(random);
  text += static_cast<char>('1' + random() % 9);
  text += ".";
  for (int i = 1; i < count; ++i) text += static_cast<char>('0' + random() % 10);
  text += "e" + std::to_string(exponent(random) - 1);
  if (random() % 17 == 0) text = "0";
  auto number = Number::parse(text);
  EXPECT_TRUE(number.has_value()) << text;
  return AttributeValue::number(number->to_string());
}

std::string random_bytes(std::mt19937_64& random) {
  std::string bytes(random() % 12, '\0');
  // Bias towards 0x00 and 0xFF, the bytes the escaping must get right.
  for (auto& c : bytes) {
    auto pick = random() % 4;
    c = pick == 0 ? '\0' : pick == 1 ? '\xff' : static_cast<char>(random() % 256);
  }
  return bytes;
}

TEST(KeyCodec, NumbersSortNumerically) {
  std::mt19937_64 random(7);
  std::vector<AttributeValue> values;
  values.reserve(3000);
  for (int i = 0; i < 3000; ++i) values.push_back(random_number(random));
  for (std::size_t i = 0; i + 1 < values.size(); ++i) {
    auto a = Number::parse(values[i].scalar), b = Number::parse(values[i + 1].scalar);
    int by_value = a->compare(*b);
    int by_bytes = encoded(values[i]).compare(encoded(values[i + 1]));
    EXPECT_EQ(by_value < 0, by_bytes < 0) << values[i].scalar << " vs " << values[i + 1].scalar;
    EXPECT_EQ(by_value == 0, by_bytes == 0) << values[i].scalar << " vs " << values[i + 1].scalar;
  }
}

TEST(KeyCodec, EqualNumbersEncodeEqually) {
  for (auto [a, b] : {std::pair{"1", "1.0"}, {"100", "1e2"}, {"-0.5", "-.50"}, {"0", "-0"}}) {
    EXPECT_EQ(encoded(AttributeValue::number(Number::parse(a)->to_string())),
              encoded(AttributeValue::number(Number::parse(b)->to_string())));
  }
}

TEST(KeyCodec, StringsAndBinariesSortAsUnsignedBytes) {
  std::mt19937_64 random(11);
  for (int i = 0; i < 5000; ++i) {
    std::string a = random_bytes(random), b = random_bytes(random);
    auto unsigned_less = std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
    });
    EXPECT_EQ(unsigned_less, encoded(AttributeValue::binary(a)) < encoded(AttributeValue::binary(b)));
    // A composite key (value then more bytes) keeps the order of the first value.
    if (a != b) {
      EXPECT_EQ(unsigned_less, encoded(AttributeValue::string(a)) + "\x01" < encoded(AttributeValue::string(b)));
    }
  }
}

TEST(KeyCodec, DecodesWhatItEncodes) {
  std::mt19937_64 random(13);
  for (int i = 0; i < 2000; ++i) {
    AttributeValue value = i % 3 == 0   ? random_number(random)
                           : i % 3 == 1 ? AttributeValue::string(random_bytes(random))
                                        : AttributeValue::binary(random_bytes(random));
    std::string bytes = encoded(value) + "tail";
    std::string_view in = bytes;
    AttributeValue decoded;
    ASSERT_TRUE(read_key_value(in, value.type, decoded));
    EXPECT_EQ(decoded.scalar, value.scalar);
    EXPECT_EQ(in, "tail");
  }
}

TEST(KeyCodec, PartitionPrefixGroupsAPartitionsItems) {
  KeySchema schema{{{"pk", AttributeType::kS}}, {{"sk", AttributeType::kN}}};
  Item a{{"pk", AttributeValue::string("p")}, {"sk", AttributeValue::number("1")}};
  Item b{{"pk", AttributeValue::string("p")}, {"sk", AttributeValue::number("20")}};
  Item other{{"pk", AttributeValue::string("p\x01")}, {"sk", AttributeValue::number("1")}};
  std::string prefix = partition_prefix(kItemPrefix, 5, encode_partition(schema, a));
  EXPECT_EQ(item_key(5, schema, a).rfind(prefix, 0), 0u);
  EXPECT_EQ(item_key(5, schema, b).rfind(prefix, 0), 0u);
  EXPECT_NE(item_key(5, schema, other).rfind(prefix, 0), 0u);
  EXPECT_LT(item_key(5, schema, a), item_key(5, schema, b));
}

}  // namespace
}  // namespace eddy::engine
