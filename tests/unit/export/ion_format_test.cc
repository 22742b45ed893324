// Ion text for items: what DynamoDB's ION exports hold, written and read back, and the Ion forms
// the reader takes besides.
#include "export/ion_format.h"

#include <gtest/gtest.h>

namespace eddy::exports {
namespace {

AttributeValue set_of(AttributeType type, std::vector<std::string> members) {
  AttributeValue value;
  value.type = type;
  value.set = std::move(members);
  return value;
}

Item every_type() {
  AttributeValue list;
  list.type = AttributeType::kL;
  list.list = {AttributeValue::string("x"), AttributeValue::number("-1.5"), AttributeValue::null()};
  AttributeValue map;
  map.type = AttributeType::kM;
  map.map = {{"in ner", AttributeValue::boolean_value(false)}, {"l", list}};
  return {{"s", AttributeValue::string("quote \" slash \\ line\n\x01 ünï")},
          {"n", AttributeValue::number("103")},
          {"b", AttributeValue::binary(std::string("\x00\xff", 2))},
          {"t", AttributeValue::boolean_value(true)},
          {"z", AttributeValue::null()},
          {"m", map},
          {"ss", set_of(AttributeType::kSS, {"a", "b"})},
          {"ns", set_of(AttributeType::kNS, {"1", "2.25"})},
          {"bs", set_of(AttributeType::kBS, {"\x01", "\x02"})},
          {"null", AttributeValue::string("a keyword as a name")}};
}

TEST(IonFormat, WritesDynamoDbsExportLines) {
  Item item{{"Id", AttributeValue::number("103")},
            {"Price", AttributeValue::number("2.5")},
            {"Authors", set_of(AttributeType::kSS, {"Author1", "Author2"})},
            {"InPublication", AttributeValue::boolean_value(false)}};
  EXPECT_EQ(
      ion_line(item),
      "$ion_1_0 {Item:{Authors:$dynamodb_SS::[\"Author1\",\"Author2\"],Id:103.,InPublication:false,Price:2.5}}\n");
}

TEST(IonFormat, EveryTypeRoundTrips) {
  std::string line = ion_line(every_type());
  line.pop_back();
  auto read = read_ion_line(line);
  ASSERT_TRUE(read.has_value()) << read.error().message << "\n" << line;
  EXPECT_EQ(*read, every_type());
}

TEST(IonFormat, ReadsOtherIonSpellings) {
  auto read = read_ion_line(
      "$ion_1_0 /* c */ {'Item':{\"a\":2d1, b:7, c:null.string, d:'''long''' '''er''', "
      "e:'$dynamodb_NS'::[1., 2e0], f:{{ aGk= }}}} // end");
  ASSERT_TRUE(read.has_value()) << read.error().message;
  EXPECT_EQ(read->at("a"), AttributeValue::number("20"));
  EXPECT_EQ(read->at("b"), AttributeValue::number("7"));
  EXPECT_EQ(read->at("c"), AttributeValue::null());
  EXPECT_EQ(read->at("d"), AttributeValue::string("longer"));
  EXPECT_EQ(read->at("e"), set_of(AttributeType::kNS, {"1", "2"}));
  EXPECT_EQ(read->at("f"), AttributeValue::binary("hi"));
  EXPECT_TRUE(ion_line_is_empty("$ion_1_0   "));
  EXPECT_FALSE(ion_line_is_empty("{Item:{}}"));
}

TEST(IonFormat, RefusesWhatIsNotAnItem) {
  EXPECT_EQ(read_ion_line("{Item:{a:1,,}}").error().message, "Invalid Ion at character 12: a field name was expected");
  EXPECT_FALSE(read_ion_line("{Other:{}}").has_value());
  EXPECT_FALSE(read_ion_line("{Item:{a:$dynamodb_SS::[1]}}").has_value());
  EXPECT_FALSE(read_ion_line("{Item:{a:\"open}}").has_value());
  EXPECT_FALSE(read_ion_line("{Item:{}} {Item:{}}").has_value());
  std::string deep = "{Item:{a:" + std::string(100, '[') + std::string(100, ']') + "}}";
  EXPECT_EQ(read_ion_line(deep).error().message.find("nested too deeply") != std::string::npos, true);
}

}  // namespace
}  // namespace eddy::exports
