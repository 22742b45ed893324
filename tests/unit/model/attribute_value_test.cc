// AttributeValue: wire type names, factories, deep equality (sets as sets, numbers by
// value), and item sizes as DynamoDB counts them.
#include "model/attribute_value.h"
#include "model/number.h"

#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace eddy {
namespace {

AttributeValue set_of(AttributeType type, std::vector<std::string> members) {
  AttributeValue value;
  value.type = type;
  value.set = std::move(members);
  return value;
}

AttributeValue list_of(AttributeList elements) {
  AttributeValue value;
  value.type = AttributeType::kL;
  value.list = std::move(elements);
  return value;
}

AttributeValue map_of(AttributeMap entries) {
  AttributeValue value;
  value.type = AttributeType::kM;
  value.map = std::move(entries);
  return value;
}

TEST(AttributeValueTest, TypeNames) {
  EXPECT_STREQ(type_name(AttributeType::kS), "S");
  EXPECT_STREQ(type_name(AttributeType::kN), "N");
  EXPECT_STREQ(type_name(AttributeType::kB), "B");
  EXPECT_STREQ(type_name(AttributeType::kSS), "SS");
  EXPECT_STREQ(type_name(AttributeType::kNS), "NS");
  EXPECT_STREQ(type_name(AttributeType::kBS), "BS");
  EXPECT_STREQ(type_name(AttributeType::kM), "M");
  EXPECT_STREQ(type_name(AttributeType::kL), "L");
  EXPECT_STREQ(type_name(AttributeType::kNull), "NULL");
  EXPECT_STREQ(type_name(AttributeType::kBool), "BOOL");
  EXPECT_TRUE(is_set_type(AttributeType::kSS));
  EXPECT_TRUE(is_set_type(AttributeType::kNS));
  EXPECT_TRUE(is_set_type(AttributeType::kBS));
  for (auto type : {AttributeType::kS, AttributeType::kN, AttributeType::kB, AttributeType::kM, AttributeType::kL,
                    AttributeType::kNull, AttributeType::kBool}) {
    EXPECT_FALSE(is_set_type(type)) << type_name(type);
  }
}

TEST(AttributeValueTest, Factories) {
  EXPECT_EQ(AttributeValue::string("x").type, AttributeType::kS);
  EXPECT_EQ(AttributeValue::string("x").scalar, "x");
  EXPECT_EQ(AttributeValue::number("12.5").type, AttributeType::kN);
  EXPECT_EQ(AttributeValue::number("12.5").scalar, "12.5");
  EXPECT_EQ(AttributeValue::binary(std::string("\0\1", 2)).type, AttributeType::kB);
  EXPECT_EQ(AttributeValue::binary(std::string("\0\1", 2)).scalar.size(), 2u);
  EXPECT_EQ(AttributeValue::boolean_value(false).type, AttributeType::kBool);
  EXPECT_FALSE(AttributeValue::boolean_value(false).boolean);
  EXPECT_TRUE(AttributeValue::boolean_value(true).boolean);
  EXPECT_EQ(AttributeValue::null().type, AttributeType::kNull);
  EXPECT_TRUE(AttributeValue::null().boolean);
}

TEST(AttributeValueTest, ScalarEquality) {
  EXPECT_EQ(AttributeValue::string("a"), AttributeValue::string("a"));
  EXPECT_NE(AttributeValue::string("a"), AttributeValue::string("b"));
  EXPECT_NE(AttributeValue::string("1"), AttributeValue::number("1"));
  EXPECT_NE(AttributeValue::string("a"), AttributeValue::binary("a"));
  EXPECT_EQ(AttributeValue::number("1"), AttributeValue::number("1"));
  EXPECT_EQ(AttributeValue::number("1"), AttributeValue::number("1.0"));  // by value
  EXPECT_NE(AttributeValue::number("1"), AttributeValue::number("10"));
  EXPECT_EQ(AttributeValue::boolean_value(true), AttributeValue::boolean_value(true));
  EXPECT_NE(AttributeValue::boolean_value(true), AttributeValue::boolean_value(false));
  EXPECT_EQ(AttributeValue::null(), AttributeValue::null());
  EXPECT_NE(AttributeValue::null(), AttributeValue::boolean_value(true));
}

TEST(AttributeValueTest, SetsCompareAsSets) {
  EXPECT_EQ(set_of(AttributeType::kSS, {"a", "b", "c"}), set_of(AttributeType::kSS, {"c", "a", "b"}));
  EXPECT_NE(set_of(AttributeType::kSS, {"a", "b"}), set_of(AttributeType::kSS, {"a", "b", "c"}));
  EXPECT_NE(set_of(AttributeType::kSS, {"a", "b"}), set_of(AttributeType::kSS, {"a", "c"}));
  EXPECT_NE(set_of(AttributeType::kSS, {"a"}), set_of(AttributeType::kBS, {"a"}));
  EXPECT_EQ(set_of(AttributeType::kBS, {"\x01", "\x02"}), set_of(AttributeType::kBS, {"\x02", "\x01"}));
  EXPECT_EQ(set_of(AttributeType::kNS, {"1", "2.5", "-3"}), set_of(AttributeType::kNS, {"-3", "1", "2.5"}));
  EXPECT_EQ(set_of(AttributeType::kNS, {"1", "2.5"}), set_of(AttributeType::kNS, {"2.50", "1e0"}));
  EXPECT_NE(set_of(AttributeType::kNS, {"1", "2"}), set_of(AttributeType::kNS, {"1", "3"}));
  EXPECT_NE(set_of(AttributeType::kNS, {"1"}), set_of(AttributeType::kSS, {"1"}));
}

TEST(AttributeValueTest, ListsInOrderMapsByKey) {
  AttributeValue a = list_of({AttributeValue::string("x"), AttributeValue::number("1")});
  AttributeValue b = list_of({AttributeValue::number("1"), AttributeValue::string("x")});
  EXPECT_EQ(a, list_of({AttributeValue::string("x"), AttributeValue::number("1")}));
  EXPECT_NE(a, b);
  EXPECT_NE(a, list_of({AttributeValue::string("x")}));
  EXPECT_EQ(list_of({}), list_of({}));
  EXPECT_NE(list_of({}), map_of({}));

  AttributeValue m = map_of({{"k", AttributeValue::string("v")}, {"n", set_of(AttributeType::kNS, {"1", "2"})}});
  EXPECT_EQ(m, map_of({{"n", set_of(AttributeType::kNS, {"2", "1"})}, {"k", AttributeValue::string("v")}}));
  EXPECT_NE(m, map_of({{"k", AttributeValue::string("v")}}));
  EXPECT_NE(m, map_of({{"k", AttributeValue::string("w")}, {"n", set_of(AttributeType::kNS, {"1", "2"})}}));
  EXPECT_NE(m, map_of({{"j", AttributeValue::string("v")}, {"n", set_of(AttributeType::kNS, {"1", "2"})}}));

  AttributeValue nested = map_of({{"l", list_of({m, AttributeValue::null()})}});
  AttributeValue same = map_of({{"l", list_of({m, AttributeValue::null()})}});
  AttributeValue other = map_of({{"l", list_of({m, AttributeValue::boolean_value(false)})}});
  EXPECT_EQ(nested, same);
  EXPECT_NE(nested, other);
}

// Number sizes measured against DynamoDB at the 400 KB item limit.
TEST(AttributeValueTest, NumberSizes) {
  const std::vector<std::pair<std::string, std::size_t>> cases = {
      {"0", 1},
      {"1", 2},
      {"12", 2},
      {"123", 3},
      {"1234", 3},
      {"42", 2},
      {"100", 2},
      {"1010", 3},
      {"0.0000001", 2},
      {"1.5", 3},
      {"15", 2},
      {"1.2", 3},
      {"1.234", 4},
      {"3.14159", 5},
      {"123456", 4},
      {"100.5", 4},
      {"0.15", 2},
      {"-42", 3},
      {"-0", 1},
      {"12345678901234567890123456789012345678", 20},
      {"1" + std::string(125, '0'), 2},        // 1E125
      {"0." + std::string(99, '0') + "1", 2},  // 1E-100
      {std::string(38, '1') + std::string(88, '0'), 20},
      {"11" + std::string(124, '0'), 2},
      {"11111" + std::string(121, '0'), 4},
      {"111111" + std::string(120, '0'), 4},
      {"1111111" + std::string(119, '0'), 5},
  };
  for (const auto& [canonical, size] : cases) EXPECT_EQ(number_size(canonical), size) << canonical;
}

// Plain decimal text is sized from its digits without a parse; text with an exponent takes the
// parse. Both must agree on the same numbers, including non-canonical zeros and signs.
TEST(AttributeValueTest, NumberSizeOfPlainTextMatchesTheParsedSize) {
  std::mt19937 random(7);
  for (int i = 0; i < 3000; ++i) {
    std::string digits;
    int length = 1 + static_cast<int>(random() % 38);
    for (int d = 0; d < length; ++d) digits += static_cast<char>('0' + random() % 10);
    if (digits.front() == '0') digits.front() = '1';
    int exponent = static_cast<int>(random() % 200) - 100;
    std::string sign = random() % 2 ? "-" : "";
    std::string scientific = sign;
    scientific.append("0.").append(digits).append("E").append(std::to_string(exponent));
    auto number = Number::parse(scientific);
    ASSERT_TRUE(number) << scientific;
    std::string plain = number->to_string();
    EXPECT_EQ(number_size(plain), number_size(scientific)) << plain << " vs " << scientific;
    EXPECT_EQ(number_size("00" + plain.substr(plain[0] == '-') + "0"), number_size(plain.substr(plain[0] == '-') + "0"))
        << plain;
  }
  EXPECT_EQ(number_size("0.000"), 1u);
  EXPECT_EQ(number_size("-0.0"), 1u);
}

TEST(AttributeValueTest, ValueSizes) {
  EXPECT_EQ(attribute_value_size(AttributeValue::string("")), 0u);
  EXPECT_EQ(attribute_value_size(AttributeValue::string("abc")), 3u);
  EXPECT_EQ(attribute_value_size(AttributeValue::string("\xc3\xa9")), 2u);  // é, UTF-8 bytes
  EXPECT_EQ(attribute_value_size(AttributeValue::binary(std::string("\0\1\2", 3))), 3u);
  EXPECT_EQ(attribute_value_size(AttributeValue::number("3.14159")), 5u);
  EXPECT_EQ(attribute_value_size(AttributeValue::boolean_value(false)), 1u);
  EXPECT_EQ(attribute_value_size(AttributeValue::null()), 1u);
  EXPECT_EQ(attribute_value_size(set_of(AttributeType::kSS, {"a", "bc"})), 3u);
  EXPECT_EQ(attribute_value_size(set_of(AttributeType::kBS, {"\x01", "\x02\x03"})), 3u);
  EXPECT_EQ(attribute_value_size(set_of(AttributeType::kNS, {"1", "15", "3.14159"})), 9u);
  EXPECT_EQ(attribute_value_size(list_of({})), 3u);
  EXPECT_EQ(attribute_value_size(map_of({})), 3u);
  // 3 + (1 + 2) + (1 + 2)
  EXPECT_EQ(attribute_value_size(list_of({AttributeValue::string("ab"), AttributeValue::number("1")})), 9u);
  // 3 + (1 + 1 + 1): element overhead, key "k", value "v"
  EXPECT_EQ(attribute_value_size(map_of({{"k", AttributeValue::string("v")}})), 6u);
  // 3 + (1 + 6)
  EXPECT_EQ(attribute_value_size(list_of({map_of({{"k", AttributeValue::string("v")}})})), 10u);
}

TEST(AttributeValueTest, ItemSizeCountsNamesAndValues) {
  EXPECT_EQ(item_size(Item{}), 0u);
  Item item = {
      {"pk", AttributeValue::string("user#1")},                    // 2 + 6
      {"n", AttributeValue::number("-42")},                        // 1 + 3
      {"\xc3\xa9t\xc3\xa9", AttributeValue::boolean_value(true)},  // "été": 5 + 1
      {"m", map_of({{"a", AttributeValue::null()}})},              // 1 + 3 + 1 + 1 + 1
  };
  EXPECT_EQ(item_size(item), 8u + 4u + 6u + 7u);
}

}  // namespace
}  // namespace eddy
