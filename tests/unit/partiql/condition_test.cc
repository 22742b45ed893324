// WHERE clauses: what they mean once translated into the expression engine's trees (evaluated here
// against items), and DynamoDB's words for what it refuses (recorded from DynamoDB Local).
#include "test_support.h"

namespace eddy::partiql::testing {
namespace {

constexpr const char* kItem = R"({"pk":{"S":"a"},"sk":{"N":"1"},"x":{"N":"10"},"ls":{"S":"l1"},"nul":{"NULL":true},
  "ss":{"SS":["p","q"]},"m":{"M":{"b":{"L":[{"N":"1"},{"M":{"c":{"S":"deep"}}}]}}},"bo":{"BOOL":true},
  "sp ace":{"S":"sp"},"l":{"L":[{"N":"1"}]},"y":{"N":"10"}})";

// Whether the scan filter of `SELECT * FROM Tab WHERE <where>` holds for kItem.
bool matches(const std::string& where, const std::string& parameters = "[]") {
  auto plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE " + where, parameters);
  EXPECT_FALSE(plan.query) << where;
  return holds(plan.filter, kItem);
}

std::string where_error(const std::string& where, const std::string& parameters = "[]") {
  return error_of("SELECT * FROM Tab WHERE " + where, parameters);
}

TEST(Where, ComparisonsAndLogic) {
  EXPECT_TRUE(matches("x = 10"));
  EXPECT_TRUE(matches("10 = x"));
  EXPECT_TRUE(matches("x <> 11") && matches("x != 11"));
  EXPECT_TRUE(matches("x < 11") && matches("x <= 10") && matches("x > 9") && matches("x >= 10"));
  EXPECT_FALSE(matches("x > 10"));
  EXPECT_TRUE(matches("x = y"));  // two attributes
  EXPECT_TRUE(matches("x = 1 OR x = 10"));
  EXPECT_FALSE(matches("x = 1 AND x = 10"));
  EXPECT_TRUE(matches("NOT x = 0"));
  EXPECT_TRUE(matches("(x = 1 OR x = 10) AND ls = 'l1'"));
  EXPECT_TRUE(matches("x = -1 OR x = 10"));
  EXPECT_FALSE(matches("x = 'a'"));  // other types compare false
  EXPECT_FALSE(matches("x = null"));
  EXPECT_TRUE(matches("\"sp ace\" = 'sp'"));
  EXPECT_TRUE(matches("m.b[0] = 1 AND m.b[1].c = 'deep' AND m['b'][1].\"c\" = 'deep'"));
  EXPECT_TRUE(matches("m = {'b': [1, {'c': 'deep'}]}"));
  EXPECT_TRUE(matches("ss = <<'q','p'>>"));
  EXPECT_TRUE(matches("1 = 1"));
  EXPECT_TRUE(matches("x = ?", R"([{"N":"10.0"}])"));
}

TEST(Where, InBetweenAndFunctions) {
  EXPECT_TRUE(matches("x IN [1, 10]") && matches("x IN (1, 10)") && matches("x IN <<1, 10>>"));
  EXPECT_TRUE(matches("x NOT IN [1]"));
  EXPECT_TRUE(matches("x IN [?, ?]", R"([{"N":"3"},{"N":"10"}])"));
  EXPECT_TRUE(matches("x BETWEEN 1 AND 10") && matches("x NOT BETWEEN 11 AND 12"));
  EXPECT_TRUE(matches("x BETWEEN ? AND ?", R"([{"N":"0"},{"N":"10"}])"));
  EXPECT_TRUE(matches("begins_with(ls, 'l') AND BEGINS_WITH(ls, 'l1')"));
  EXPECT_TRUE(matches("contains(ss, 'p') AND contains(ls, '1')"));
  EXPECT_TRUE(matches("attribute_type(x, 'N') AND attribute_type(x, ?)", R"([{"S":"N"}])"));
  EXPECT_TRUE(matches("size(ls) = 2 AND size(ss) > 1"));
  EXPECT_TRUE(matches("attribute_exists(x) AND attribute_not_exists(nope)"));
}

TEST(Where, IsMissingNullAndTypes) {
  EXPECT_TRUE(matches("nope IS MISSING") && matches("x IS NOT MISSING"));
  EXPECT_FALSE(matches("x IS MISSING"));
  EXPECT_TRUE(matches("m.b IS NOT MISSING") && matches("m.z IS MISSING"));
  EXPECT_TRUE(matches("nul IS NULL") && matches("x IS NOT NULL"));
  EXPECT_FALSE(matches("nope IS NULL"));  // missing is not NULL
  EXPECT_TRUE(matches("nope IS NOT NULL"));
  EXPECT_TRUE(matches("bo IS BOOLEAN AND ls IS STRING AND x IS NUMERIC AND m IS STRUCT AND m IS TUPLE AND l IS LIST"));
  EXPECT_FALSE(matches("x IS BLOB"));
  EXPECT_TRUE(matches("x IS NOT STRUCT"));
  EXPECT_EQ(where_error("x IS INT"),
            "Unsupported data type for IS operator: INTEGER. Supported data types are [MISSING, NULL, BOOLEAN, BLOB, "
            "STRING, NUMERIC, STRUCT, TUPLE, LIST] at 1:27:2");
  EXPECT_EQ(where_error("MISSING IS MISSING"),
            "The left hand side argument to IS must be a Variable Reference, Literal, or Path");
  EXPECT_EQ(where_error("'x' IS MISSING"),
            "Operator or function requires a document path; operator or function: attribute_not_exists");
}

TEST(Where, WhatIsNoCondition) {
  EXPECT_EQ(where_error("x"), "WHERE clause must contain an expression that resolves to a boolean");
  EXPECT_EQ(where_error("true"), "WHERE clause must contain an expression that resolves to a boolean");
  EXPECT_EQ(where_error("?", R"([{"BOOL":true}])"),
            "WHERE clause must contain an expression that resolves to a boolean");
  EXPECT_EQ(where_error("size(x)"), "WHERE clause must contain an expression that resolves to a boolean");
  EXPECT_EQ(where_error("x = 1 AND size(x)"),
            "Incorrect operand type for operator or function; operator or function: AND, operand type: N");
  EXPECT_EQ(where_error("x = 1 AND y"), "The arguments to AND/OR must be Expressions");
  EXPECT_EQ(where_error("x = 1 AND 'x'"), "The arguments to AND/OR must be Expressions");
  EXPECT_EQ(where_error("x OR x = 1"), "The arguments to AND/OR must be Expressions");
  EXPECT_EQ(where_error("x = 1 AND ?", R"([{"BOOL":true}])"), "The arguments to AND/OR must be Expressions");
  EXPECT_EQ(where_error("NOT x"), "The argument to NOT must be a Type or Expression");
  EXPECT_EQ(where_error("NOT 1"), "The argument to NOT must be a Type or Expression");
}

TEST(Where, OperatorsDynamoDbDoesNotHave) {
  EXPECT_EQ(where_error("x + 1 = 11"), "Unsupported operator in Condition Expression. Operator: +");
  EXPECT_EQ(where_error("size(x) + 1 > 2"), "Unsupported operator in Condition Expression. Operator: +");
  EXPECT_EQ(where_error("x = -x"), "Unsupported operator in Condition Expression. Operator: -");
  EXPECT_EQ(where_error("x LIKE 'a%'"), "Unsupported operator in Condition Expression. Operator: like");
  EXPECT_EQ(where_error("x > 'a' || 'b'"), "Unsupported operator in Condition Expression. Operator: ||");
  EXPECT_EQ(where_error("x = MISSING"), "MISSING must be compared using IS operator");
  EXPECT_EQ(where_error("foo(x)"), "Unrecognized function: foo");
  EXPECT_EQ(where_error("COUNT(*) > 1"), "Unsupported token in expression: count at 1:25:5");
  EXPECT_EQ(where_error("x = 1 AND exists(x)"), "Unrecognized function: exists");
  EXPECT_EQ(where_error("list_append(x, [1]) = x"),
            "The function is not allowed in a condition expression; function: list_append");
  EXPECT_EQ(where_error("EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 0)"),
            "Unsupported token in expression: SELECT at 1:32:6");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 AND EXISTS(SELECT * FROM Tab WHERE pk = 'a')"),
            "Unsupported token in expression: SELECT at 1:56:6");
}

TEST(Where, ExpressionChecksSpeakWithoutTheirPrefix) {
  EXPECT_EQ(where_error("x IN 'a'"),
            "IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq "
            "with at least one member");
  EXPECT_EQ(where_error("x IN []"), where_error("x IN 'a'"));
  EXPECT_EQ(where_error("x IN ?", R"([{"L":[{"N":"1"}]}])"), where_error("x IN 'a'"));
  EXPECT_EQ(where_error("x IN [1, x]"),
            "The first operand must be distinct from the remaining operands for this operator or function; operator: "
            "IN, first operand: [x]");
  std::string many;
  for (int i = 0; i < 101; ++i) {
    if (i > 0) many += ',';
    many += std::to_string(i);
  }
  EXPECT_EQ(where_error("x IN [" + many + "]"),
            "The IN operator is provided with too many operands; number of operands: 101");
  EXPECT_EQ(where_error("x BETWEEN 10 AND 0"),
            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound "
            "operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:0}");
  EXPECT_EQ(where_error("x BETWEEN 'a' AND 0"),
            "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
            "AttributeValue: {S:a}, upper bound operand: AttributeValue: {N:0}");
  EXPECT_EQ(where_error("attribute_type(x, 'Q')"),
            "Invalid attribute type name found; type: Q, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
  EXPECT_EQ(where_error("attribute_type(x)"),
            "Incorrect number of operands for operator or function; operator or function: attribute_type, number of "
            "operands: 1");
  EXPECT_EQ(
      where_error("contains(x)"),
      "Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1");
  EXPECT_EQ(where_error("size(1) > 0"),
            "Incorrect operand type for operator or function; operator or function: size, operand type: N");
  EXPECT_EQ(where_error("begins_with(x, 1)"),
            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
}

TEST(Where, Paths) {
  EXPECT_EQ(where_error("m.* = 1"), "Unpivot path component like a.*.b are not supported at 1:27:1");
  EXPECT_EQ(where_error("m[*].b = 1"), "Wildcard path component like a[*].b are not supported at 1:27:1");
  EXPECT_EQ(where_error("\"\" = 1"), "Path component cannot be an empty string");
  EXPECT_EQ(where_error("m.b[-1] = 1"), "List index is not within the allowable range; index: [-1] at 1:30:1");
  EXPECT_EQ(where_error("m.b[1.5] = 1"), "Unexpected path component at 1:29:3");
  std::string deep = "a";
  for (int i = 0; i < 32; ++i) deep += ".b";
  EXPECT_EQ(where_error(deep + " = 1"), "The document path has too many nesting levels; nesting levels: 33");
}

TEST(Where, ParametersAreBoundInOrder) {
  auto plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE x = ? AND ls = ?", R"([{"N":"10"},{"S":"l1"}])");
  EXPECT_TRUE(holds(plan.filter, kItem));
  plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE x = ? AND ls = ?", R"([{"S":"l1"},{"N":"10"}])");
  EXPECT_FALSE(holds(plan.filter, kItem));
  // More parameters than '?' are ignored, as DynamoDB ignores them; fewer are refused.
  EXPECT_EQ(where_error("x = ?", R"([{"N":"10"},{"N":"11"}])"), "");
  EXPECT_EQ(where_error("x = ? AND y = ?", R"([{"N":"10"}])"),
            "Number of parameters in request and statement don't match.");
  EXPECT_EQ(error_of("SELECT * FROM Xyz WHERE pk = ?"), "Number of parameters in request and statement don't match.");
  EXPECT_EQ(where_error("x = {'a': ?}", R"([{"S":"a"}])"),
            "Unsupported data type: Parameter under key root.a at 1:35:1");
  // A '?' where no value may stand is refused for its place, whether a parameter is there or not.
  EXPECT_EQ(where_error("x = {'a': ?} AND y = ?", R"([{"S":"a"}])"),
            "Unsupported data type: Parameter under key root.a at 1:35:1");
  EXPECT_EQ(where_error("x = {'a': ?}"), "Unsupported data type: Parameter under key root.a at 1:35:1");
  EXPECT_EQ(error_of("SELECT m.b[?] FROM Tab"), "Unexpected path component at 1:12:1");
}

}  // namespace
}  // namespace eddy::partiql::testing
