// The request-body parser: iterative, depth-capped, strict about what follows the value.
#include "protocol/json_parse.h"

#include <gtest/gtest.h>

namespace eddy {
namespace {

std::string nested_objects(std::size_t depth) {
  std::string text;
  for (std::size_t i = 0; i < depth; ++i) text += R"({"":)";
  text += "1";
  text.append(depth, '}');
  return text;
}

TEST(JsonParse, ParsesARequest) {
  JsonDocument document;
  ASSERT_EQ(parse_json(R"( {"TableName":"t","Limit":5,"Item":{"a":{"L":[{"S":"x"}]}}} )", document),
            JsonParseOutcome::kParsed);
  ASSERT_TRUE(document.IsObject());
  EXPECT_STREQ(document["TableName"].GetString(), "t");
  EXPECT_EQ(document["Limit"].GetInt(), 5);
  EXPECT_STREQ(document["Item"]["a"]["L"][0]["S"].GetString(), "x");
}

TEST(JsonParse, RefusesWhatIsNotOneJsonValue) {
  for (const char* text : {"", "   ", "{bad", R"({"TableName": )", "[1, 2", "hello", "{} {}", "{}x", "}{", "{,}"}) {
    JsonDocument document;
    EXPECT_EQ(parse_json(text, document), JsonParseOutcome::kNotJson) << text;
    EXPECT_TRUE(document.IsNull()) << text;
  }
}

TEST(JsonParse, NestingUpToTheCapIsParsed) {
  JsonDocument document;
  EXPECT_EQ(parse_json(nested_objects(kMaxJsonDepth), document), JsonParseOutcome::kParsed);
  EXPECT_EQ(parse_json(nested_objects(kMaxJsonDepth + 1), document), JsonParseOutcome::kTooDeep);
  EXPECT_TRUE(document.IsNull());
  EXPECT_EQ(parse_json("[[[1]]]", document, 3), JsonParseOutcome::kParsed);
  EXPECT_EQ(parse_json("[[[[1]]]]", document, 3), JsonParseOutcome::kTooDeep);
}

// The bodies that overflowed a worker's stack in RapidJSON's recursive parser.
TEST(JsonParse, HostileNestingNeitherRecursesNorParses) {
  JsonDocument document;
  EXPECT_EQ(parse_json(nested_objects(200000), document), JsonParseOutcome::kTooDeep);
  EXPECT_EQ(parse_json(std::string(10u << 20, '['), document), JsonParseOutcome::kTooDeep);
  // Deep and unbalanced: refused at the cap before the missing brackets are noticed.
  EXPECT_EQ(parse_json(std::string(5000, '[') + "1", document), JsonParseOutcome::kTooDeep);
}

TEST(JsonParse, ADocumentCanBeReused) {
  JsonDocument document;
  ASSERT_EQ(parse_json(R"({"a":1})", document), JsonParseOutcome::kParsed);
  ASSERT_EQ(parse_json("{bad", document), JsonParseOutcome::kNotJson);
  EXPECT_TRUE(document.IsNull());
  ASSERT_EQ(parse_json(R"([true])", document), JsonParseOutcome::kParsed);
  EXPECT_TRUE(document[0].GetBool());
}

}  // namespace
}  // namespace eddy
