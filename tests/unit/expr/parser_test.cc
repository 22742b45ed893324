// Condition syntax and validation messages, each copied from DynamoDB's answer to the same request.
#include "test_support.h"

namespace eddy::expr::testing {
namespace {

constexpr const char* kValues = R"({":s":{"S":"x"},":n":{"N":"1"},":n2":{"N":"2"},":bad":{"S":"FOO"}})";

std::string err(const std::string& text) { return condition_error(text, kValues); }

TEST(ConditionSyntax, ReportsTokenAndNeighbours) {
  EXPECT_EQ(condition_error("a = "), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
  EXPECT_EQ(condition_error("a = b AND"), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
  EXPECT_EQ(condition_error("a = b c d e f"),
            "Invalid ConditionExpression: Syntax error; token: \"c\", near: \"b c d\"");
  EXPECT_EQ(condition_error("a == b"), "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== b\"");
  EXPECT_EQ(condition_error("a = \"b\""), "Invalid ConditionExpression: Syntax error; token: \"\"\", near: \"= \"b\"");
  EXPECT_EQ(condition_error("a = b ;"), "Invalid ConditionExpression: Syntax error; token: \";\", near: \"b ;\"");
  EXPECT_EQ(condition_error("(a = b"), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"b\"");
  EXPECT_EQ(condition_error("a = b)"), "Invalid ConditionExpression: Syntax error; token: \")\", near: \"b)\"");
  EXPECT_EQ(condition_error("a-b = c"), "Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"");
  EXPECT_EQ(condition_error("1a = b"), "Invalid ConditionExpression: Syntax error; token: \"1\", near: \"1a\"");
  EXPECT_EQ(condition_error("_a = b"), "Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_a\"");
  EXPECT_EQ(condition_error("a.1 = b"), "Invalid ConditionExpression: Syntax error; token: \"1\", near: \".1 =\"");
  EXPECT_EQ(condition_error("a[x] = b"), "Invalid ConditionExpression: Syntax error; token: \"x\", near: \"[x]\"");
  EXPECT_EQ(condition_error("a[-1] = b"), "Invalid ConditionExpression: Syntax error; token: \"-\", near: \"[-1\"");
  EXPECT_EQ(condition_error("a[01] = b"), "Invalid ConditionExpression: Syntax error; token: \"1\", near: \"01]\"");
  EXPECT_EQ(condition_error("a != b"), "Invalid ConditionExpression: Syntax error; token: \"!\", near: \"a !=\"");
  EXPECT_EQ(condition_error("a = b\n c"), "Invalid ConditionExpression: Syntax error; token: \"c\", near: \"b\n c\"");
  EXPECT_EQ(condition_error("a = b AND \xc3\xa9 = c"),
            "Invalid ConditionExpression: Syntax error; token: \"\xc3\xa9\", near: \"AND \xc3\xa9 =\"");
  EXPECT_EQ(condition_error("a = :"), "Invalid ConditionExpression: Syntax error; token: \":\", near: \"= :\"");
  EXPECT_EQ(condition_error("a = #"), "Invalid ConditionExpression: Syntax error; token: \"#\", near: \"= #\"");
  EXPECT_EQ(err(":s"), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":s\"");
  EXPECT_EQ(condition_error("a"), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"");
  EXPECT_EQ(condition_error("(a)"), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \")\"");
  EXPECT_EQ(condition_error("()"), "Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"");
  EXPECT_EQ(condition_error("a IN ()"), "Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"");
  EXPECT_EQ(condition_error("a IN b"), "Invalid ConditionExpression: Syntax error; token: \"b\", near: \"IN b\"");
  EXPECT_EQ(condition_error("a BETWEEN b"), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"b\"");
  EXPECT_EQ(condition_error("a = b = c"), "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"b = c\"");
  EXPECT_EQ(condition_error("a IN (b) IN (c)"),
            "Invalid ConditionExpression: Syntax error; token: \"IN\", near: \") IN (\"");
  EXPECT_EQ(condition_error("size() = b"), "Invalid ConditionExpression: Syntax error; token: \")\", near: \"() =\"");
  EXPECT_EQ(condition_error("not = b"), "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"not = b\"");
  EXPECT_EQ(condition_error("and = b"), "Invalid ConditionExpression: Syntax error; token: \"and\", near: \"and =\"");
  EXPECT_EQ(err("a = :n + :n"), "Invalid ConditionExpression: Syntax error; token: \"+\", near: \":n + :n\"");
}

TEST(ConditionSyntax, AcceptsDynamoDbForms) {
  for (const char* text : {"a [ 1 ] = b",
                           "a . b = c",
                           "a = b and c = d",
                           "a = b AnD c = d",
                           "a in (b)",
                           "a between b and c",
                           "a=b  ",
                           "a\t= b",
                           "(a) = b",
                           "(a = b)",
                           "(a = b) AND (c = d)",
                           "NOT (a = b)",
                           "(NOT a = b)",
                           "a = (b)",
                           "a IN ((b))",
                           "((a = b) AND c = d)",
                           "NOT NOT a = b",
                           "a BETWEEN b AND c AND d = e",
                           "(size(a)) = b",
                           "size((a)) = b",
                           "a[2147483647] = b",
                           "a <> b"}) {
    EXPECT_EQ(condition_error(text), "") << text;
  }
}

TEST(ConditionChecks, TextOnlyProblems) {
  EXPECT_EQ(condition_error(""), "Invalid ConditionExpression: The expression can not be empty;");
  EXPECT_EQ(condition_error("((a = b))"), "Invalid ConditionExpression: The expression has redundant parentheses;");
  EXPECT_EQ(condition_error("((a)) = b"), "Invalid ConditionExpression: The expression has redundant parentheses;");
  EXPECT_EQ(condition_error("NOT ((a = b))"), "Invalid ConditionExpression: The expression has redundant parentheses;");
  EXPECT_EQ(condition_error("year = b"),
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: year");
  EXPECT_EQ(condition_error("x.Year = b"),
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Year");
  EXPECT_EQ(condition_error("a[2147483648] = b"),
            "Invalid ConditionExpression: List index is not within the allowable range; index: [2147483648]");
  EXPECT_EQ(condition_error("a[99999999999] = b"),
            "Invalid ConditionExpression: List index is not within the allowable range; index: [99999999999]");
  EXPECT_EQ(condition_error("foo(a)"), "Invalid ConditionExpression: Invalid function name; function: foo");
  EXPECT_EQ(condition_error("ATTRIBUTE_EXISTS(a)"),
            "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
  EXPECT_EQ(
      condition_error("size(a)"),
      "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
  EXPECT_EQ(condition_error("attribute_exists(a) = b"),
            "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; "
            "function: attribute_exists");
  EXPECT_EQ(
      condition_error("if_not_exists(a, b) = b"),
      "Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
  EXPECT_EQ(
      condition_error("list_append(a, b) = b"),
      "Invalid ConditionExpression: The function is not allowed in a condition expression; function: list_append");
  std::string deep = "p";
  for (int i = 1; i < 33; ++i) deep += ".p";
  EXPECT_EQ(condition_error(deep + " = b"),
            "Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33");
}

TEST(ConditionChecks, PlaceholdersAndUnused) {
  EXPECT_EQ(condition_error("a = :v"),
            "Invalid ConditionExpression: An expression attribute value used in expression is not defined; "
            "attribute value: :v");
  EXPECT_EQ(condition_error("#a = b"),
            "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; "
            "attribute name: #a");
  EXPECT_EQ(condition_error("a = b", "{}", {{"#x", "y"}}),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}");
  EXPECT_EQ(condition_error("a = b", R"({":x":{"S":"y"}})"),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
  EXPECT_EQ(condition_error("#a.#b = :s", R"({":s":{"S":"y"}})", {{"#a", "x"}, {"#b", "y"}}), "");
}

TEST(ConditionChecks, OperandRules) {
  auto prefix = std::string("Invalid ConditionExpression: ");
  EXPECT_EQ(err("begins_with(a)"), prefix +
                                       "Incorrect number of operands for operator or function; operator or "
                                       "function: begins_with, number of operands: 1");
  EXPECT_EQ(err("attribute_exists(a, b)"), prefix +
                                               "Incorrect number of operands for operator or function; operator "
                                               "or function: attribute_exists, number of operands: 2");
  EXPECT_EQ(err("begins_with(a, :n)"), prefix +
                                           "Incorrect operand type for operator or function; operator or "
                                           "function: begins_with, operand type: N");
  EXPECT_EQ(err("attribute_exists(:s)"),
            prefix + "Operator or function requires a document path; operator or function: attribute_exists");
  EXPECT_EQ(err("attribute_type(a, :bad)"),
            prefix + "Invalid attribute type name found; type: FOO, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
  EXPECT_EQ(err("attribute_type(a, :n)"), prefix +
                                              "Incorrect operand type for operator or function; operator or "
                                              "function: attribute_type, operand type: N");
  EXPECT_EQ(err("size(:n) = :n"), prefix +
                                      "Incorrect operand type for operator or function; operator or function: "
                                      "size, operand type: N");
  EXPECT_EQ(err("size(size(a)) = :n"), prefix +
                                           "Incorrect operand type for operator or function; operator or "
                                           "function: size, operand type: N");
  EXPECT_EQ(err("a BETWEEN :n AND :s"),
            prefix +
                "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
                "AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}");
  EXPECT_EQ(err("a BETWEEN :n2 AND :n"),
            prefix +
                "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower "
                "bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}");
  EXPECT_EQ(err("a.b[1] = a.b[1]"), prefix +
                                        "The first operand must be distinct from the remaining operands for "
                                        "this operator or function; operator: =, first operand: [a, b, [1]]");
  EXPECT_EQ(err("a IN (b, a)"), prefix +
                                    "The first operand must be distinct from the remaining operands for this "
                                    "operator or function; operator: IN, first operand: [a]");
  EXPECT_EQ(condition_error("a < :bo", R"({":bo":{"BOOL":true}})"),
            prefix + "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL");
  std::string in = "a IN (:n";
  for (int i = 0; i < 100; ++i) in += ", :n";
  EXPECT_EQ(err(in + ")"), prefix + "The IN operator is provided with too many operands; number of operands: 101");
}

TEST(ConditionChecks, Limits) {
  std::string ors;
  for (int i = 0; i < 150; ++i) ors += "a = :n OR ";
  EXPECT_EQ(condition_error(ors + "a = :n", R"({":n":{"N":"1"}})"),
            "Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
  std::string big;
  for (int i = 0; i < 410; ++i) big += "a = :n OR ";
  big += "a = :n";
  EXPECT_EQ(
      condition_error(big, R"({":n":{"N":"1"}})"),
      "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4106");
}

// DynamoDB checks in three stages: syntax, then parentheses, then names/functions/indexes in
// tree order, then placeholders and operand rules in post-order.
TEST(ConditionChecks, ReportsInDynamoDbOrder) {
  EXPECT_EQ(err("year = b AND ("), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
  EXPECT_EQ(err("a = :u AND year = b"),
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: year");
  EXPECT_EQ(err("year = b AND ((a = b))"), "Invalid ConditionExpression: The expression has redundant parentheses;");
  EXPECT_EQ(err("foo(a) AND year = b"), "Invalid ConditionExpression: Invalid function name; function: foo");
  EXPECT_EQ(err("year[2147483648] = b"),
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: year");
  EXPECT_EQ(err("#n = b AND a = :u"),
            "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; "
            "attribute name: #n");
  EXPECT_EQ(err("begins_with(:u)"),
            "Invalid ConditionExpression: An expression attribute value used in expression is not defined; "
            "attribute value: :u");
  EXPECT_EQ(err("size(:n) = :u"),
            "Invalid ConditionExpression: Incorrect operand type for operator or function; "
            "operator or function: size, operand type: N");
}

TEST(ConditionChecks, FilterAndKeyKindsNameThemselves) {
  EXPECT_EQ(condition_error("", "{}", {}, "FilterExpression"),
            "Invalid FilterExpression: The expression can not be empty;");
}

}  // namespace
}  // namespace eddy::expr::testing
