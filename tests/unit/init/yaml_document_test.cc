// read_yaml: CloudFormation's short intrinsic forms become their long forms, scalars stay strings,
// and malformed YAML is refused with its line and column.
#include "init/yaml_document.h"

#include <gtest/gtest.h>
#include <rapidjson/writer.h>

namespace eddy::init {
namespace {

std::string json_of(const JsonValue& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

std::string converted(const std::string& yaml) {
  JsonDocument document;
  auto read = read_yaml(yaml, document);
  EXPECT_TRUE(read) << read.error().message;
  return json_of(document);
}

TEST(YamlDocument, ShortIntrinsicFormsBecomeLongForms) {
  EXPECT_EQ(converted("A: !Ref Stage\nB: !Sub 'x-${Stage}'\nC: !GetAtt Table.StreamArn\nD: !Join [ '-', [a, b] ]\n"),
            R"({"A":{"Ref":"Stage"},"B":{"Fn::Sub":"x-${Stage}"},"C":{"Fn::GetAtt":["Table","StreamArn"]},)"
            R"("D":{"Fn::Join":["-",["a","b"]]}})");
  EXPECT_EQ(converted("A: !Sub\n  - '${X}-${Y}'\n  - Y: !Ref Z\n"),
            R"({"A":{"Fn::Sub":["${X}-${Y}",{"Y":{"Ref":"Z"}}]}})");
  EXPECT_EQ(converted("Condition: !Condition IsProd\n"), R"({"Condition":{"Condition":"IsProd"}})");
}

TEST(YamlDocument, ScalarsStayStringsAndNullsAreNull) {
  EXPECT_EQ(converted("a: 5\nb: true\nc: '007'\nd: ~\ne:\nf: null\ng: \"null\"\n"),
            R"({"a":"5","b":"true","c":"007","d":null,"e":null,"f":null,"g":"null"})");
  EXPECT_EQ(converted("- x\n- {k: v}\n"), R"(["x",{"k":"v"}])");
}

TEST(YamlDocument, MalformedYamlNamesItsLine) {
  JsonDocument document;
  auto read = read_yaml("Resources:\n  T: [unclosed\n", document);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message.rfind("not valid YAML: line 3, column 1: ", 0), 0u) << read.error().message;
  read = read_yaml("a: b\n c: d\n", document);
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("line 2"), std::string::npos) << read.error().message;
}

}  // namespace
}  // namespace eddy::init
