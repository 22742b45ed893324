// ProjectionExpression: nested paths keep their structure; overlap and syntax errors.
#include "test_support.h"

namespace eddy::expr::testing {
namespace {

constexpr const char* kItem = R"({"pk":{"S":"a"},"a":{"M":{"b":{"L":[{"S":"x"},{"S":"y"},{"S":"z"}]},"c":{"N":"1"}}},
  "l":{"L":[{"M":{"x":{"N":"1"},"y":{"N":"2"}}},{"M":{"x":{"N":"3"}}}]}})";

TEST(Projection, KeepsNestedStructure) {
  EXPECT_EQ(projected("a.b[1]", kItem), R"({"a":{"M":{"b":{"L":[{"S":"y"}]}}}})");
  EXPECT_EQ(projected("a.b[1], a.c", kItem), R"({"a":{"M":{"b":{"L":[{"S":"y"}]},"c":{"N":"1"}}}})");
  EXPECT_EQ(projected("l[1].x, l[0].y", kItem), R"({"l":{"L":[{"M":{"y":{"N":"2"}}},{"M":{"x":{"N":"3"}}}]}})");
  EXPECT_EQ(projected("a.b[1], a.b[2]", kItem), R"({"a":{"M":{"b":{"L":[{"S":"y"},{"S":"z"}]}}}})");
  EXPECT_EQ(projected("x, a.c[0]", kItem), "{}");
  EXPECT_EQ(projected("a.b[5]", kItem), "{}");
  EXPECT_EQ(projected("#x", kItem, {{"#x", "pk"}}), R"({"pk":{"S":"a"}})");
}

TEST(Projection, Errors) {
  const std::string p = "Invalid ProjectionExpression: ";
  EXPECT_EQ(projected("a, a.b", kItem), p + "Two document paths overlap with each other; must remove or rewrite one of "
                                            "these paths; path one: [a], path two: [a, b]");
  EXPECT_EQ(projected("a, a", kItem), p + "Two document paths overlap with each other; must remove or rewrite one of "
                                          "these paths; path one: [a], path two: [a]");
  EXPECT_EQ(projected("l[0], l.x", kItem), p + "Two document paths conflict with each other; must remove or rewrite "
                                               "one of these paths; path one: [l, [0]], path two: [l, x]");
  EXPECT_EQ(projected("", kItem), p + "The expression can not be empty;");
  EXPECT_EQ(projected(" ", kItem), p + "Syntax error; token: \"<EOF>\", near: \" \"");
  EXPECT_EQ(projected("a,", kItem), p + "Syntax error; token: \"<EOF>\", near: \",\"");
  EXPECT_EQ(projected("year", kItem), p + "Attribute name is a reserved keyword; reserved keyword: year");
  EXPECT_EQ(projected("add", kItem), p + "Syntax error; token: \"add\", near: \"add\"");
  EXPECT_EQ(projected(std::string(4200, 'x'), kItem), p + "Expression size has exceeded the maximum allowed size;");
}

}  // namespace
}  // namespace eddy::expr::testing
