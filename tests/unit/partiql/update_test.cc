// UPDATE's SET and REMOVE: applied to items by the expression engine's update applier, and DynamoDB's
// words (recorded from DynamoDB Local) for what it refuses.
#include "test_support.h"

namespace eddy::partiql::testing {
namespace {

constexpr const char* kItem = R"({"pk":{"S":"a"},"sk":{"N":"0"},"x":{"N":"5"},"gs":{"N":"2"},"ls":{"S":"l0"},
  "ss":{"SS":["p","q"]},"ns":{"NS":["1"]},"l2":{"L":[{"N":"1"}]},"m":{"M":{"b":{"L":[{"N":"1"},{"N":"2"}]}}}})";

// The item after `UPDATE Tab <actions> WHERE pk = 'a' AND sk = 0`, as JSON, or the error message.
std::string updated(const std::string& actions, const std::string& parameters = "[]", const std::string& item = kItem) {
  Outcome outcome = run("UPDATE Tab " + actions + " WHERE pk = 'a' AND sk = 0", parameters);
  if (!outcome.plan) return outcome.error;
  const auto& plan = std::get<UpdatePlan>(*outcome.plan);
  Item target = json_map(item);
  if (auto done = plan.update.apply(target); !done) return done.error().message;
  return json_of(target);
}

// One attribute of the updated item.
std::string attribute_after(const std::string& actions, const std::string& name, const std::string& parameters = "[]") {
  std::string result = updated(actions, parameters);
  if (result.empty() || result[0] != '{') return result;
  Item item = json_map(result);
  auto found = item.find(name);
  return found == item.end() ? "ABSENT" : json_of(found->second);
}

TEST(Update, SetValuesAndArithmetic) {
  EXPECT_EQ(attribute_after("SET x = 7", "x"), R"({"N":"7"})");
  EXPECT_EQ(attribute_after("SET x = x + 1", "x"), R"({"N":"6"})");
  EXPECT_EQ(attribute_after("SET x = x - 1", "x"), R"({"N":"4"})");
  EXPECT_EQ(attribute_after("SET x = 1 + 2", "x"), R"({"N":"3"})");
  EXPECT_EQ(attribute_after("SET x = gs + gs + gs", "x"), R"({"N":"6"})");
  EXPECT_EQ(attribute_after("SET x = gs + (1 + 2)", "x"), R"({"N":"5"})");
  EXPECT_EQ(attribute_after("SET x = -1", "x"), R"({"N":"-1"})");
  EXPECT_EQ(attribute_after("SET x = ?", "x", R"([{"SS":["a"]}])"), R"({"SS":["a"]})");
  EXPECT_EQ(attribute_after("SET x = gs", "x"), R"({"N":"2"})");
  EXPECT_EQ(attribute_after("SET \"sp ace\" = 'q'", "sp ace"), R"({"S":"q"})");
  EXPECT_EQ(attribute_after("SET x = if_not_exists(nope, 3)", "x"), R"({"N":"3"})");
  EXPECT_EQ(attribute_after("SET n = {'a': [1, <<'s'>>]}", "n"), R"({"M":{"a":{"L":[{"N":"1"},{"SS":["s"]}]}}})");
  EXPECT_EQ(attribute_after("SET x = 1, y = 2 SET z = 3", "z"), R"({"N":"3"})");
}

TEST(Update, ListsSetsAndRemove) {
  EXPECT_EQ(attribute_after("SET l2 = list_append(l2, [3])", "l2"), R"({"L":[{"N":"1"},{"N":"3"}]})");
  EXPECT_EQ(attribute_after("SET l3 = list_append([1], [2])", "l3"), R"({"L":[{"N":"1"},{"N":"2"}]})");
  EXPECT_EQ(attribute_after("SET ss = set_add(ss, <<'r'>>)", "ss"), R"({"SS":["p","q","r"]})");
  EXPECT_EQ(attribute_after("SET ss = SET_ADD(ss, ?)", "ss", R"([{"SS":["z"]}])"), R"({"SS":["p","q","z"]})");
  EXPECT_EQ(attribute_after("SET ns = set_add(ns, <<1, 2>>)", "ns"), R"({"NS":["1","2"]})");
  EXPECT_EQ(attribute_after("SET nope = set_add(nope, <<'a'>>)", "nope"), R"({"SS":["a"]})");
  EXPECT_EQ(attribute_after("SET ss = set_delete(ss, <<'p'>>)", "ss"), R"({"SS":["q"]})");
  EXPECT_EQ(attribute_after("SET ss = set_delete(ss, <<'p','q','r'>>)", "ss"), "ABSENT");
  EXPECT_EQ(attribute_after("REMOVE x", "x"), "ABSENT");
  EXPECT_EQ(attribute_after("REMOVE m.b[0]", "m"), R"({"M":{"b":{"L":[{"N":"2"}]}}})");
  EXPECT_EQ(attribute_after("SET m.b[5] = 7", "m"), R"({"M":{"b":{"L":[{"N":"1"},{"N":"2"},{"N":"7"}]}}})");
  EXPECT_EQ(attribute_after("SET x = 1 REMOVE ls REMOVE gs", "gs"), "ABSENT");
}

TEST(Update, ErrorsWhenApplied) {
  EXPECT_EQ(updated("SET l2 = list_append(l2, 3)"),
            "Incorrect operand type for operator or function; operator or function: list_append, operand type: N");
  EXPECT_EQ(updated("SET ss = set_add(ss, <<1>>)"), "An operand in the update expression has an incorrect data type");
  EXPECT_EQ(updated("SET x = nope"), "The provided expression refers to an attribute that does not exist in the item");
  EXPECT_EQ(updated("SET m.z.q = 7"), "The document path provided in the update expression is invalid for update");
  EXPECT_EQ(updated("SET x.y = 1"), "The document path provided in the update expression is invalid for update");
}

TEST(Update, WhatDynamoDbRefuses) {
  EXPECT_EQ(updated("SET x = x * 2"), "Unsupported operator in Update Expression. Operator: *");
  EXPECT_EQ(updated("SET x = 'a' || 'b'"), "Unsupported operator in Update Expression. Operator: ||");
  EXPECT_EQ(updated("SET x = -gs"),
            "Incorrect number of operands for operator or function; operator or function: -, number of operands: 1");
  EXPECT_EQ(updated("SET zz = 1 + 'a'"),
            "Incorrect operand type for operator or function; operator or function: +, operand type: S");
  EXPECT_EQ(updated("SET zz = 'a' + 1"),
            "Incorrect operand type for operator or function; operator or function: +, operand type: S");
  EXPECT_EQ(updated("SET x = size(ls)"), "The function is not allowed in an update expression; function: size");
  EXPECT_EQ(updated("SET x = begins_with(x, 'a')"),
            "The function is not allowed in an update expression; function: begins_with");
  EXPECT_EQ(updated("SET x = foo(x)"), "Unrecognized function: foo");
  EXPECT_EQ(updated("SET x = if_not_exists(3, 3)"),
            "Operator or function requires a document path; operator or function: if_not_exists");
  EXPECT_EQ(updated("SET x = list_append(x)"),
            "Incorrect number of operands for operator or function; operator or function: list_append, number of "
            "operands: 1");
  EXPECT_EQ(updated("SET x = list_append(x, y, z)"),
            "Incorrect number of operands for operator or function; operator or function: list_append, number of "
            "operands: 3");
  EXPECT_EQ(updated("SET x = y IS MISSING"), "IS operator is not supported in update expressions");
  EXPECT_EQ(updated("SET x = MISSING"), "MISSING must be compared using IS operator");
  EXPECT_EQ(updated("SET x = <<>>"), "Empty bags are not supported at 1:20:2");
  EXPECT_EQ(updated("SET zz = {'a': [<<1>>, ?]}", R"([{"S":"p"}])"),
            "Unsupported data type: Parameter under key root.a.1 at 1:35:1");
}

TEST(Update, SetFunctions) {
  EXPECT_EQ(updated("SET x = set_add(x)"), "SET_ADD must have exactly two arguments at 1:20:7");
  EXPECT_EQ(updated("SET x = set_add(x, <<1>>, <<2>>)"), "SET_ADD must have exactly two arguments at 1:20:7");
  EXPECT_EQ(updated("SET ss2 = set_add(ss, <<'z'>>)"), "The first argument to SET_ADD must equal the assignment value");
  EXPECT_EQ(updated("SET nope = set_delete(nope2, <<'a'>>)"),
            "The first argument to SET_DELETE must equal the assignment value");
  EXPECT_EQ(updated("SET ss = set_add(ss, 'r')"),
            "The second argument to SET_ADD must be a value with type SET at 1:29:2");
  EXPECT_EQ(updated("SET ss = set_add(ss, ?)", R"([{"S":"zz"}])"),
            "The second argument to SET_ADD must be a value with type SET at 1:29:2");
  EXPECT_EQ(updated("SET x = set_add(x, <<'a'>>) + 1"), "Unrecognized function: set_add");
  EXPECT_EQ(updated("SET x = list_append(set_add(x, <<'a'>>), [1])"), "Unrecognized function: set_add");
}

TEST(Update, OverlappingPathsNameTheLaterFirst) {
  EXPECT_EQ(updated("SET x = 1 SET x = 2"),
            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [x], "
            "path two: [x]");
  EXPECT_EQ(updated("SET x = 1 REMOVE x"),
            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [x], "
            "path two: [x]");
  EXPECT_EQ(updated("SET m.b = 1, m = 2"),
            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], "
            "path two: [m, b]");
}

TEST(Update, KeyAttributesAreCheckedWhenTheConditionHolds) {
  auto plan = plan_of<UpdatePlan>("UPDATE Tab SET pk = 'b' WHERE pk = 'a' AND sk = 0");
  EXPECT_EQ(check_key_attributes_not_updated(plan, tab_table()).error().message,
            "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
  plan = plan_of<UpdatePlan>("UPDATE Tab REMOVE sk WHERE pk = 'a' AND sk = 0");
  EXPECT_EQ(check_key_attributes_not_updated(plan, tab_table()).error().message,
            "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key");
  plan = plan_of<UpdatePlan>("UPDATE Tab SET gk = 'x' WHERE pk = 'a' AND sk = 0");
  EXPECT_TRUE(check_key_attributes_not_updated(plan, tab_table()).has_value());
}

}  // namespace
}  // namespace eddy::partiql::testing
