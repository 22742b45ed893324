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
      {R"({"BS":[]})", ErrorCode::kValidation, "One or more parameter values were invalid: Binary sets should not be empty"},
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

}  // namespace
}  // namespace eddy
