// CSV records and the items made of them.
#include "export/csv_format.h"

#include <gtest/gtest.h>

namespace eddy::exports {
namespace {

TEST(CsvFormat, SplitsQuotedFieldsAndLines) {
  auto records = read_csv_records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\n\n", ',');
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].fields, (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"two\nlines", "x"}));
  EXPECT_EQ((*records)[1].line, 2u);
  EXPECT_EQ(read_csv_records("a\n\"open", ',').error().message, "Line 2: an unterminated quote");
}

TEST(CsvFormat, KeysTakeTheirDeclaredTypesAndOtherColumnsAreStrings) {
  std::vector<KeyElement> keys{{"id", AttributeType::kN}, {"bin", AttributeType::kB}};
  CsvRecord record{1, {"0010.50", "aGk=", "7", ""}};
  auto item = csv_item(record, {"id", "bin", "count", "empty"}, keys);
  ASSERT_TRUE(item.has_value()) << item.error().message;
  EXPECT_EQ(*item, (Item{{"id", AttributeValue::number("10.5")},
                         {"bin", AttributeValue::binary("hi")},
                         {"count", AttributeValue::string("7")}}));
  EXPECT_FALSE(csv_item({1, {"x", "aGk="}}, {"id", "bin"}, keys).has_value());
  EXPECT_EQ(csv_item({1, {"1"}}, {"id", "bin"}, keys).error().message, "The record has no key attribute bin");
  EXPECT_FALSE(csv_item({1, {"1", "aGk=", "extra"}}, {"id", "bin"}, keys).has_value());
}

}  // namespace
}  // namespace eddy::exports
