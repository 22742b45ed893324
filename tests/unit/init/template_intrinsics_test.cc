// resolve_intrinsics: Ref, Fn::Sub (both forms, ${!Literal}), Fn::Join and Fn::Select from the
// scope, and the messages for what cannot be resolved.
#include "init/template_intrinsics.h"

#include <gtest/gtest.h>

#include "model/result.h"
#include "protocol/json_parse.h"

namespace eddy::init {
namespace {

TemplateScope scope() {
  TemplateScope scope;
  scope.values = {{"Stage", "prod"}, {"AWS::Region", "eu-west-1"}, {"Orders", "orders-prod"}};
  scope.without_value = {"Secret"};
  return scope;
}

Result<std::string> resolved(const std::string& json) {
  JsonDocument document;
  EXPECT_EQ(parse_json(json, document), JsonParseOutcome::kParsed) << json;
  EDDY_TRY_VOID(resolve_intrinsics(document, document.GetAllocator(), scope()));
  if (!document.IsString()) return std::string("<not a string>");
  return std::string(document.GetString());
}

std::string error_of(const std::string& json) {
  auto result = resolved(json);
  EXPECT_FALSE(result) << json;
  return result ? "" : result.error().message;
}

TEST(TemplateIntrinsics, ResolvesRefSubJoinAndSelect) {
  EXPECT_EQ(resolved(R"({"Ref": "Stage"})").value(), "prod");
  EXPECT_EQ(resolved(R"({"Ref": "Orders"})").value(), "orders-prod");
  EXPECT_EQ(resolved(R"({"Fn::Sub": "t-${Stage}-${AWS::Region}-${!Literal}"})").value(), "t-prod-eu-west-1-${Literal}");
  EXPECT_EQ(resolved(R"({"Fn::Sub": ["${Name}.${Stage}", {"Name": {"Ref": "Orders"}}]})").value(), "orders-prod.prod");
  EXPECT_EQ(resolved(R"({"Fn::Sub": ["${Stage}", {"Stage": "local"}]})").value(), "local");
  EXPECT_EQ(resolved(R"({"Fn::Join": ["-", ["a", {"Ref": "Stage"}, "b"]]})").value(), "a-prod-b");
  EXPECT_EQ(resolved(R"({"Fn::Select": ["1", ["a", {"Ref": "Stage"}]]})").value(), "prod");
  EXPECT_EQ(resolved(R"("plain")").value(), "plain");
}

TEST(TemplateIntrinsics, ResolvesInsideListsAndMaps) {
  JsonDocument document;
  ASSERT_EQ(parse_json(R"({"Tags": [{"Key": "s", "Value": {"Ref": "Stage"}}]})", document), JsonParseOutcome::kParsed);
  ASSERT_TRUE(resolve_intrinsics(document, document.GetAllocator(), scope()));
  EXPECT_STREQ(document["Tags"][0]["Value"].GetString(), "prod");
}

TEST(TemplateIntrinsics, SaysWhatCannotBeResolved) {
  EXPECT_EQ(error_of(R"({"Ref": "Secret"})"),
            "Ref Secret: the parameter has no Default and no --init-param Secret=VALUE");
  EXPECT_EQ(error_of(R"({"Ref": "Nothing"})"),
            "Ref Nothing: no parameter, pseudo parameter or table of the template has this name");
  EXPECT_EQ(error_of(R"({"Fn::Sub": "${Orders.Arn}"})"),
            "Fn::Sub Orders.Arn: a resource's attribute is not known at start");
  EXPECT_EQ(error_of(R"({"Fn::Sub": "${Stage"})"), "Fn::Sub \"${Stage\": a ${ is not closed");
  EXPECT_EQ(error_of(R"({"Fn::If": ["C", "a", "b"]})"),
            "Fn::If is not resolved by eddy's --init (Ref, Fn::Sub, Fn::Join and Fn::Select are)");
  EXPECT_EQ(error_of(R"({"Fn::Select": ["5", ["a"]]})"), "Fn::Select: index 5 is not in the list");
  EXPECT_EQ(error_of(R"({"Fn::Join": "-"})"), "Fn::Join takes a list of a delimiter and a list of values");
}

}  // namespace
}  // namespace eddy::init
