// Lambda's filter-pattern language, one operator at a time, against DynamoDB stream records as
// Lambda renders them (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
#include "triggers/filter_pattern.h"

#include <gtest/gtest.h>

#include "protocol/json_parse.h"

namespace eddy::triggers {
namespace {

constexpr const char* kRecord = R"({"eventID":"1","eventName":"INSERT","eventVersion":"1.1",
  "eventSource":"aws:dynamodb","awsRegion":"us-east-1","dynamodb":{"ApproximateCreationDateTime":1767225600,
  "Keys":{"pk":{"S":"order-1"}},"NewImage":{"pk":{"S":"order-1"},"status":{"S":"Paid"},"qty":{"N":"3"},
  "tags":{"SS":["gift","rush"]},"flag":{"BOOL":true}},"SequenceNumber":"100","SizeBytes":42,
  "StreamViewType":"NEW_IMAGE"}})";

bool matches(const std::string& pattern, const char* record = kRecord) {
  auto compiled = FilterPattern::parse(pattern);
  EXPECT_TRUE(compiled.has_value()) << pattern;
  if (!compiled) return false;
  JsonDocument document;
  EXPECT_EQ(parse_json(record, document), JsonParseOutcome::kParsed);
  return compiled->matches(document);
}

std::string on_status(const std::string& rules) {
  return R"({"dynamodb":{"NewImage":{"status":{"S":)" + rules + "}}}}";
}

TEST(FilterPattern, ExactValues) {
  EXPECT_TRUE(matches(on_status(R"(["Paid"])")));
  EXPECT_TRUE(matches(on_status(R"(["New","Paid"])")));
  EXPECT_FALSE(matches(on_status(R"(["paid"])")));
  EXPECT_TRUE(matches(R"({"eventName":["INSERT"]})"));
  EXPECT_FALSE(matches(R"({"eventName":["REMOVE"]})"));
  EXPECT_TRUE(matches(R"({"dynamodb":{"NewImage":{"flag":{"BOOL":[true]}}}})"));
  EXPECT_FALSE(matches(R"({"dynamodb":{"NewImage":{"flag":{"BOOL":[false]}}}})"));
  // A number in the pattern compares numerically with a JSON number of the record.
  EXPECT_TRUE(matches(R"({"dynamodb":{"SizeBytes":[42.0]}})"));
}

TEST(FilterPattern, ArrayLeafMatchesWhenOneElementDoes) {
  EXPECT_TRUE(matches(R"({"dynamodb":{"NewImage":{"tags":{"SS":["rush"]}}}})"));
  EXPECT_FALSE(matches(R"({"dynamodb":{"NewImage":{"tags":{"SS":["late"]}}}})"));
}

TEST(FilterPattern, Prefix) {
  EXPECT_TRUE(matches(R"({"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"order-"}]}}}})"));
  EXPECT_FALSE(matches(R"({"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"ORDER-"}]}}}})"));
  EXPECT_TRUE(matches(R"({"dynamodb":{"Keys":{"pk":{"S":[{"prefix":{"equals-ignore-case":"ORDER-"}}]}}}})"));
}

TEST(FilterPattern, Suffix) {
  EXPECT_TRUE(matches(on_status(R"([{"suffix":"aid"}])")));
  EXPECT_FALSE(matches(on_status(R"([{"suffix":"AID"}])")));
  EXPECT_TRUE(matches(on_status(R"([{"suffix":{"equals-ignore-case":"AID"}}])")));
}

TEST(FilterPattern, EqualsIgnoreCase) {
  EXPECT_TRUE(matches(on_status(R"([{"equals-ignore-case":"PAID"}])")));
  EXPECT_FALSE(matches(on_status(R"([{"equals-ignore-case":"PAI"}])")));
}

TEST(FilterPattern, AnythingBut) {
  EXPECT_TRUE(matches(on_status(R"([{"anything-but":["New","Cancelled"]}])")));
  EXPECT_FALSE(matches(on_status(R"([{"anything-but":["Paid"]}])")));
  EXPECT_FALSE(matches(on_status(R"([{"anything-but":"Paid"}])")));
  EXPECT_FALSE(matches(on_status(R"([{"anything-but":{"prefix":"Pa"}}])")));
  EXPECT_TRUE(matches(on_status(R"([{"anything-but":{"prefix":"Ne"}}])")));
  EXPECT_FALSE(matches(on_status(R"([{"anything-but":{"suffix":"id"}}])")));
  EXPECT_FALSE(matches(on_status(R"([{"anything-but":{"equals-ignore-case":"paid"}}])")));
}

TEST(FilterPattern, Numeric) {
  EXPECT_TRUE(matches(R"({"dynamodb":{"SizeBytes":[{"numeric":[">",0,"<=",42]}]}})"));
  EXPECT_FALSE(matches(R"({"dynamodb":{"SizeBytes":[{"numeric":[">",42]}]}})"));
  EXPECT_TRUE(matches(R"({"dynamodb":{"SizeBytes":[{"numeric":["=",42]}]}})"));
  EXPECT_TRUE(matches(R"({"dynamodb":{"SizeBytes":[{"numeric":[">=",42,"<",43]}]}})"));
  // DynamoDB's numbers are strings in the record: numeric never matches them, as on AWS.
  EXPECT_FALSE(matches(R"({"dynamodb":{"NewImage":{"qty":{"N":[{"numeric":[">",0]}]}}}})"));
}

TEST(FilterPattern, Exists) {
  EXPECT_TRUE(matches(R"({"dynamodb":{"NewImage":{"status":{"S":[{"exists":true}]}}}})"));
  EXPECT_FALSE(matches(R"({"dynamodb":{"NewImage":{"missing":{"S":[{"exists":true}]}}}})"));
  EXPECT_TRUE(matches(R"({"dynamodb":{"NewImage":{"missing":{"S":[{"exists":false}]}}}})"));
  EXPECT_FALSE(matches(R"({"dynamodb":{"NewImage":{"status":{"S":[{"exists":false}]}}}})"));
  // A member that holds an object is no leaf.
  EXPECT_TRUE(matches(R"({"dynamodb":{"OldImage":[{"exists":false}]}})"));
}

TEST(FilterPattern, EveryMemberMustMatch) {
  EXPECT_TRUE(matches(R"({"eventName":["INSERT"],"dynamodb":{"NewImage":{"status":{"S":["Paid"]}}}})"));
  EXPECT_FALSE(matches(R"({"eventName":["MODIFY"],"dynamodb":{"NewImage":{"status":{"S":["Paid"]}}}})"));
}

TEST(FilterPattern, Or) {
  EXPECT_TRUE(matches(R"({"$or":[{"eventName":["REMOVE"]},{"dynamodb":{"Keys":{"pk":{"S":["order-1"]}}}}]})"));
  EXPECT_FALSE(matches(R"({"$or":[{"eventName":["REMOVE"]},{"dynamodb":{"Keys":{"pk":{"S":["order-2"]}}}}]})"));
  // $or nested beside other members.
  EXPECT_TRUE(
      matches(R"({"eventName":["INSERT"],"dynamodb":{"$or":[{"SizeBytes":[1]},{"NewImage":{"qty":{"N":["3"]}}}]}})"));
}

TEST(FilterPattern, Wildcard) {
  EXPECT_TRUE(matches(R"({"dynamodb":{"Keys":{"pk":{"S":[{"wildcard":"ord*1"}]}}}})"));
  EXPECT_FALSE(matches(R"({"dynamodb":{"Keys":{"pk":{"S":[{"wildcard":"ord*2"}]}}}})"));
}

TEST(FilterPattern, InvalidPatternsAreRefusedInLambdasWords) {
  for (const char* bad :
       {"not json", "[]", "{\"dynamodb\":\"x\"}", "{\"dynamodb\":{\"Keys\":5}}", R"({"a":[{"numeric":["!",1]}]})",
        R"({"a":[{"prefix":1}]})", R"({"a":[{"nosuch":1}]})", R"({"$or":[]})", R"({"a":[{"exists":"yes"}]})"}) {
    auto compiled = FilterPattern::parse(bad);
    ASSERT_FALSE(compiled.has_value()) << bad;
    EXPECT_EQ(compiled.error().code, ErrorCode::kInvalidParameterValue) << bad;
    EXPECT_EQ(compiled.error().message, "Invalid filter pattern definition.") << bad;
  }
}

TEST(FilterCriteria, NoFiltersLetEverythingThroughAndSeveralAreAlternatives) {
  JsonDocument record;
  ASSERT_EQ(parse_json(kRecord, record), JsonParseOutcome::kParsed);
  auto none = FilterCriteria::parse({});
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->matches(record));
  auto two = FilterCriteria::parse({R"({"eventName":["REMOVE"]})", R"({"eventName":["INSERT"]})"});
  ASSERT_TRUE(two.has_value());
  EXPECT_TRUE(two->matches(record));
  auto neither = FilterCriteria::parse({R"({"eventName":["REMOVE"]})", R"({"eventName":["MODIFY"]})"});
  ASSERT_TRUE(neither.has_value());
  EXPECT_FALSE(neither->matches(record));
}

}  // namespace
}  // namespace eddy::triggers
