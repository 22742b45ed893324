// DynamoDB's AttributeValue JSON: decoding validates as DynamoDB does, encoding round-trips.
#include "protocol/attribute_value_json.h"

#include <gtest/gtest.h>

namespace eddy {
namespace {

Result<AttributeValue> decode(const char* json) {
  JsonDocument document;
  document.Parse(json);
  EXPECT_FALSE(document.HasParseError()) << json;
  return decode_attribute_value(document);
}

std::string round_trip(const char* json) {
  auto value = decode(json);
  EXPECT_TRUE(value.has_value()) << json;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  encode_attribute_value(writer, *value);
  return buffer.GetString();
}

TEST(AttributeValueJson, RoundTripsEveryType) {
  EXPECT_EQ(round_trip(R"({"S":"x"})"), R"({"S":"x"})");
  EXPECT_EQ(round_trip(R"({"N":"1.50"})"), R"({"N":"1.5"})");
  EXPECT_EQ(round_trip(R"({"B":"AQID"})"), R"({"B":"AQID"})");
  EXPECT_EQ(round_trip(R"({"SS":["a","b"]})"), R"({"SS":["a","b"]})");
  EXPECT_EQ(round_trip(R"({"NS":["1e2","3"]})"), R"({"NS":["100","3"]})");
  EXPECT_EQ(round_trip(R"({"BS":["AA=="]})"), R"({"BS":["AA=="]})");
  EXPECT_EQ(round_trip(R"({"M":{"a":{"NULL":true}}})"), R"({"M":{"a":{"NULL":true}}})");
  EXPECT_EQ(round_trip(R"({"L":[{"BOOL":false}]})"), R"({"L":[{"BOOL":false}]})");
}

TEST(AttributeValueJson, RefusesWhatDynamoDbRefuses) {
  struct Case {
    const char* json;
    ErrorCode code;
    const char* message;
  };
  const Case cases[] = {
      {R"({})", ErrorCode::kValidation,
       "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
      {R"({"S":"a","N":"1"})", ErrorCode::kValidation,
       "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"},
      {R"({"SS":[]})", ErrorCode::kValidation,
       "One or more parameter values were invalid: An string set  may not be empty"},
      {R"({"BS":[]})", ErrorCode::kValidation,
       "One or more parameter values were invalid: Binary sets should not be empty"},
      {R"({"SS":["x","x"]})", ErrorCode::kValidation,
       "One or more parameter values were invalid: Input collection [x, x] contains duplicates."},
      {R"({"NS":["1","1.0"]})", ErrorCode::kValidation, "Input collection contains duplicates"},
      {R"({"NULL":false})", ErrorCode::kValidation,
       "One or more parameter values were invalid: Null attribute value types must have the value of true"},
      {R"({"N":"abc"})", ErrorCode::kValidation, "The parameter cannot be converted to a numeric value: abc"},
      {R"({"S":5})", ErrorCode::kSerialization, nullptr},
      {R"({"B":"abc"})", ErrorCode::kSerialization, nullptr},
  };
  for (const auto& c : cases) {
    auto value = decode(c.json);
    ASSERT_FALSE(value.has_value()) << c.json;
    EXPECT_EQ(value.error().code, c.code) << c.json;
    if (c.message != nullptr) {
      EXPECT_EQ(value.error().message, c.message) << c.json;
    }
  }
}

// `levels` maps (or lists) around {"S":"x"}.
std::string nested(int levels, bool lists) {
  std::string text = R"({"S":"x"})";
  for (int i = 0; i < levels; ++i) {
    text.insert(0, lists ? R"({"L":[)" : R"({"M":{"a":)");
    text.append(lists ? "]}" : "}}");
  }
  return text;
}

constexpr const char* kTooDeep =
    "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

// A value on its own (ExpressionAttributeValues, legacy values) may nest 32 maps or lists.
TEST(AttributeValueJson, AValueNestsAtMost32Levels) {
  for (bool lists : {false, true}) {
    EXPECT_TRUE(decode(nested(32, lists).c_str()).has_value()) << lists;
    auto refused = decode(nested(33, lists).c_str());
    ASSERT_FALSE(refused.has_value()) << lists;
    EXPECT_EQ(refused.error().code, ErrorCode::kValidation);
    EXPECT_EQ(refused.error().message, kTooDeep);
  }
}

// An item counts as the first level, so its attributes nest 31 deep (as DynamoDB Local answers).
TEST(AttributeValueJson, AnItemNestsAtMost32LevelsWithItself) {
  for (int levels : {31, 32}) {
    std::string text = R"({"pk":{"S":"k"},"d":)" + nested(levels, false) + "}";
    JsonDocument document;
    document.Parse(text.c_str());
    auto item = decode_attribute_map(document);
    EXPECT_EQ(item.has_value(), levels == 31) << levels;
    if (!item) {
      EXPECT_EQ(item.error().message, kTooDeep);
    }
  }
}

// The check comes before each level is decoded: a structure far deeper than any stack would take
// (the document itself built without recursion) is refused at level 33.
TEST(AttributeValueJson, DeepValuesAreRefusedWithoutRecursion) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += R"({"L":[)";
  text += R"({"S":"x"})";
  for (int i = 0; i < 100000; ++i) text += "]}";
  JsonDocument document;
  document.Parse<rapidjson::kParseIterativeFlag>(text.c_str());
  ASSERT_FALSE(document.HasParseError());
  auto refused = decode_attribute_value(document);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message, kTooDeep);
}

}  // namespace
}  // namespace eddy
