// Literals to AttributeValues, through INSERT's item: types, exact numbers, sets, nesting, and
// DynamoDB's words (recorded from DynamoDB Local) for what it refuses.
#include "test_support.h"

namespace eddy::partiql::testing {
namespace {

// The value INSERT stores for attribute v written as `literal`, as JSON; or the error message.
std::string stored(const std::string& literal, const std::string& parameters = "[]") {
  Outcome outcome = run("INSERT INTO Tab VALUE {'pk':'lit','sk':100, 'v': " + literal + "}", parameters);
  if (!outcome.plan) return outcome.error;
  const Item& item = std::get<InsertPlan>(*outcome.plan).item;
  auto v = item.find("v");
  return v == item.end() ? "ABSENT" : json_of(v->second);
}

TEST(Literal, Scalars) {
  EXPECT_EQ(stored("'text'"), R"({"S":"text"})");
  EXPECT_EQ(stored("'it''s'"), R"({"S":"it's"})");
  EXPECT_EQ(stored("'\\n'"), R"({"S":"\\n"})");  // no escapes but the doubled quote
  EXPECT_EQ(stored("''"), R"({"S":""})");
  EXPECT_EQ(stored("TRUE"), R"({"BOOL":true})");
  EXPECT_EQ(stored("False"), R"({"BOOL":false})");
  EXPECT_EQ(stored("NULL"), R"({"NULL":true})");
  EXPECT_EQ(stored("(1)"), R"({"N":"1"})");
  EXPECT_EQ(stored("?", R"([{"B":"YWJj"}])"), R"({"B":"YWJj"})");
}

TEST(Literal, NumbersKeepTheirExactDecimalText) {
  EXPECT_EQ(stored("1e3"), R"({"N":"1000"})");
  EXPECT_EQ(stored("1E+3"), R"({"N":"1000"})");
  EXPECT_EQ(stored("-0.50"), R"({"N":"-0.5"})");
  EXPECT_EQ(stored("+1"), R"({"N":"1"})");
  EXPECT_EQ(stored(".5"), R"({"N":"0.5"})");
  EXPECT_EQ(stored("5."), R"({"N":"5"})");
  EXPECT_EQ(stored("007"), R"({"N":"7"})");
  EXPECT_EQ(stored("-0"), R"({"N":"0"})");
  EXPECT_EQ(stored("0e5"), R"({"N":"0"})");
  EXPECT_EQ(stored("- 1.5"), R"({"N":"-1.5"})");
  EXPECT_EQ(stored("+-1"), R"({"N":"-1"})");
  EXPECT_EQ(stored("12345678901234567890123456789012345678"), R"({"N":"12345678901234567890123456789012345678"})");
  EXPECT_EQ(stored("1234567890123456789012345678901234567800000"),
            R"({"N":"1234567890123456789012345678901234567800000"})");
  EXPECT_EQ(stored("1.0e-130"), std::string(R"({"N":"0.)") + std::string(129, '0') + R"(1"})");
}

TEST(Literal, DecimalsRoundToThirtyEightDigitsHalfToEven) {
  EXPECT_EQ(stored("0.1234567890123456789012345678901234567891"),
            R"({"N":"0.12345678901234567890123456789012345679"})");
  EXPECT_EQ(stored("0.123456789012345678901234567890123456785"), R"({"N":"0.12345678901234567890123456789012345678"})");
  EXPECT_EQ(stored("0.123456789012345678901234567890123456775"), R"({"N":"0.12345678901234567890123456789012345678"})");
  EXPECT_EQ(stored("123456789012345678901234567890123456789.0"), R"({"N":"123456789012345678901234567890123456790"})");
  EXPECT_EQ(stored("1234567890123456789012345678901234567.89"), R"({"N":"1234567890123456789012345678901234567.9"})");
  // Rounding up can overflow.
  EXPECT_EQ(stored("9.999999999999999999999999999999999999999e125"),
            "Number overflow. Attempting to store a number with magnitude larger than supported range");
}

TEST(Literal, NumberErrors) {
  EXPECT_EQ(stored("123456789012345678901234567890123456789"), "DynamoDB only supports precision up to 38 digits");
  EXPECT_EQ(stored("1e200"),
            "Number overflow. Attempting to store a number with magnitude larger than supported range");
  EXPECT_EQ(stored("1" + std::string(126, '0')),
            "Number overflow. Attempting to store a number with magnitude larger than supported range");
  EXPECT_EQ(stored("1" + std::string(125, '0')), R"({"N":"1)" + std::string(125, '0') + R"("})");
  EXPECT_EQ(stored("1e-131"),
            "Number underflow. Attempting to store a number with magnitude smaller than supported range");
  EXPECT_EQ(stored("-0.0"), "Negative zero decimal is not supported under key root at 1:51:3");
  EXPECT_EQ(stored("-0e1"), "Negative zero decimal is not supported under key root at 1:51:3");
}

TEST(Literal, Collections) {
  EXPECT_EQ(stored("[1, 'a', [true, null], {'k': <<'s'>>}]"),
            R"({"L":[{"N":"1"},{"S":"a"},{"L":[{"BOOL":true},{"NULL":true}]},{"M":{"k":{"SS":["s"]}}}]})");
  EXPECT_EQ(stored("(1, 2)"), R"({"L":[{"N":"1"},{"N":"2"}]})");
  EXPECT_EQ(stored("[]"), R"({"L":[]})");
  EXPECT_EQ(stored("{}"), R"({"M":{}})");
  EXPECT_EQ(stored("{'a': null}"), R"({"M":{"a":{"NULL":true}}})");
  EXPECT_EQ(stored("{'a': 1, 'A': 2}"), R"({"M":{"A":{"N":"2"},"a":{"N":"1"}}})");
  EXPECT_EQ(stored("<<'a', 'b'>>"), R"({"SS":["a","b"]})");
  EXPECT_EQ(stored("<<1, 2.0>>"), R"({"NS":["1","2"]})");
  EXPECT_EQ(stored("<<-0>>"), R"({"NS":["0"]})");
}

TEST(Literal, SetsAreHomogeneousAndNotEmpty) {
  EXPECT_EQ(stored("<<>>"), "Empty bags are not supported at 1:50:2");
  EXPECT_EQ(stored("[1, {'x': <<>>}]"), "Empty bags are not supported at 1:60:2");
  const std::string bag = "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";
  EXPECT_EQ(stored("<<'a', 1>>"), bag + " at 1:57:1");  // a string set places the misfit
  EXPECT_EQ(stored("<<1, 'a'>>"), bag);                 // a number set does not
  EXPECT_EQ(stored("<<1, [2]>>"), bag);
  EXPECT_EQ(stored("<<null>>"), bag + " at 1:52:4");
  EXPECT_EQ(stored("<<{}>>"), bag + " at 1:52:1");
  EXPECT_EQ(stored("<<<<1>>>>"), bag + " at 1:52:2");
  EXPECT_EQ(stored("<<true>>"), bag + " at 1:52:4");
  EXPECT_EQ(stored("<<1, 1>>"), "Input collection contains duplicates");
  EXPECT_EQ(stored("<<1, 1.0>>"), "Input collection contains duplicates");
  EXPECT_EQ(stored("<<'a','b','a'>>"), "Input collection contains duplicates");
}

TEST(Literal, MapKeysAreUniqueStrings) {
  EXPECT_EQ(stored("{1: 2}"), "Tuple keys must be of type String. Actual type: INT under root at 1:51:1");
  EXPECT_EQ(stored("{1.5: 2}"), "Tuple keys must be of type String. Actual type: DECIMAL under root at 1:51:3");
  EXPECT_EQ(stored("{true: 2}"), "Tuple keys must be of type String. Actual type: BOOL under root at 1:51:4");
  EXPECT_EQ(stored("{null: 2}"), "Tuple keys must be of type String. Actual type: NULL under root at 1:51:4");
  EXPECT_EQ(stored("{x: 2}"), "Tuple keys must be of type String. Actual type: VariableReference under root at 1:51:1");
  EXPECT_EQ(stored("{\"x\": 2}"),
            "Tuple keys must be of type String. Actual type: VariableReference under root at 1:51:3");
  EXPECT_EQ(stored("{[1]: 2}"), "Tuple keys must be of type String. Actual type: Seq under root at 1:51:1");
  EXPECT_EQ(stored("{{}: 2}"), "Tuple keys must be of type String. Actual type: Struct under root at 1:51:1");
  EXPECT_EQ(stored("{<<1>>: 2}"), "Tuple keys must be of type String. Actual type: Seq under root at 1:51:2");
  EXPECT_EQ(stored("{MISSING: 2}"),
            "Tuple keys must be of type String. Actual type: LiteralMissing under root at 1:51:7");
  EXPECT_EQ(stored("{'': 1}"), "Path component cannot be an empty string");
  EXPECT_EQ(stored("{'a' : {'b': {'a': 1, 'a': 2}}}"), "Duplicate keys in tuple. Key: a under root.a.b at 1:63:1");
  EXPECT_EQ(stored("[1, {'x': 1, 'x': 2}]"), "Duplicate keys in tuple. Key: x under root.1 at 1:54:1");
}

TEST(Literal, WhatIsNoValue) {
  EXPECT_EQ(stored("MISSING"), "Unsupported data type: MISSING under key root at 1:50:7");
  EXPECT_EQ(stored("{'a': MISSING}"), "Unsupported data type: LiteralMissing under key root.a at 1:56:7");
  EXPECT_EQ(stored("[MISSING]"), "Unsupported data type: LiteralMissing under key root.0 at 1:51:7");
  EXPECT_EQ(stored("nulls"), "Unsupported data type: nulls under key root at 1:50:5");
  EXPECT_EQ(stored("\"dq\""), "Unsupported data type: dq under key root at 1:50:4");
  EXPECT_EQ(stored("x.y"), "Unsupported data type: PATH under key root");
  EXPECT_EQ(stored("-'a'"), "Unsupported data type: - under key root at 1:50:1");
  EXPECT_EQ(stored("1 + 2"), "Unsupported data type: + under key root at 1:52:1");
  EXPECT_EQ(stored("1 = 1"), "Unsupported data type: = under key root at 1:52:1");
  EXPECT_EQ(stored("x IS MISSING"), "Unsupported data type: is under key root at 1:52:2");
  EXPECT_EQ(stored("1 AND 2"), "Unsupported data type: and under key root at 1:52:3");
  EXPECT_EQ(stored("'a' || 'b'"), "Unsupported data type: || under key root at 1:54:2");
  EXPECT_EQ(stored("NOT true"), "Unsupported data type: not under key root at 1:50:3");
  EXPECT_EQ(stored("foo(1)"), "Unsupported data type: foo under key root at 1:50:3");
  EXPECT_EQ(stored("size(x)"), "Unsupported data type: size under key root at 1:50:4");
  EXPECT_EQ(stored("CAST(1 AS STRING)"), "Unsupported data type: cast under key root at 1:54:1");
  EXPECT_EQ(stored("DATE '2020-01-01'"), "Unsupported data type: UNKNOWN under key root at 1:55:12");
  EXPECT_EQ(stored("TIME '12:00:00'"), "Unsupported data type: UNKNOWN under key root at 1:55:10");
  // A parameter is a whole value, never a member of one.
  EXPECT_EQ(stored("[?]", R"([{"S":"p"}])"), "Unsupported data type: Parameter under key root.0 at 1:51:1");
  EXPECT_EQ(stored("{'a': ?}", R"([{"S":"p"}])"), "Unsupported data type: Parameter under key root.a at 1:56:1");
}

TEST(Literal, DocumentsNestAtMostThirtyTwoLevels) {
  std::string ok = std::string(31, '[') + "1" + std::string(31, ']');
  EXPECT_EQ(stored(ok).substr(0, 6), R"({"L":[)");
  std::string deep = std::string(32, '[') + "1" + std::string(32, ']');
  EXPECT_EQ(stored(deep), "Nesting Levels have exceeded supported limits");
}

}  // namespace
}  // namespace eddy::partiql::testing
