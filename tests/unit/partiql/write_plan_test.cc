// INSERT, UPDATE, DELETE and EXISTS plans: the full key from WHERE, the condition left over (run by
// the condition evaluator), RETURNING, and DynamoDB's words (recorded from DynamoDB Local).
#include "test_support.h"

namespace eddy::partiql::testing {
namespace {

constexpr const char* kItem = R"({"pk":{"S":"a"},"sk":{"N":"0"},"x":{"N":"5"}})";
constexpr const char* kIncomplete = "Where clause does not contain a mandatory equality on all key attributes";

TEST(InsertPlan, TheItem) {
  auto plan =
      plan_of<InsertPlan>("INSERT INTO \"Tab\" VALUE {'pk': 'n', 'sk': 1, 'v': [1, 'a'], 'p': ?}", R"([{"NS":["2"]}])");
  EXPECT_EQ(plan.table_name, "Tab");
  EXPECT_EQ(json_of(plan.item), R"({"p":{"NS":["2"]},"pk":{"S":"n"},"sk":{"N":"1"},"v":{"L":[{"N":"1"},{"S":"a"}]}})");
  EXPECT_EQ(json_of(plan_of<InsertPlan>("INSERT INTO Tab VALUE {'pk':?,'sk':?}", R"([{"S":"p"},{"N":"6"}])").item),
            R"({"pk":{"S":"p"},"sk":{"N":"6"}})");
}

TEST(InsertPlan, Refusals) {
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':'n'}"), "Key attribute should be present in the item: Key sk");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {}"), "Key attribute should be present in the item: Key pk");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'sk': 1}"), "Key attribute should be present in the item: Key pk");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':1,'sk':1}"),
            "Key attribute's data type should match its data type in table's schema: Key pk");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':null,'sk':16}"),
            "Key attribute's data type should match its data type in table's schema: Key pk");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk': 'a', 'sk': [1]}"),
            "Key attribute's data type should match its data type in table's schema: Key sk");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk': 'a', 'sk': ?}", R"([{"S":"x"}])"),
            "Key attribute's data type should match its data type in table's schema: Key sk");
  EXPECT_EQ(
      error_of("INSERT INTO Tab VALUE {'pk':'','sk':15}"),
      "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
      "string value. Key: pk");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':'n','sk':11} RETURNING ALL OLD *"),
            "RETURNING is not supported in INSERT");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE 1"),
            "Unsupported format in item expression. Please use struct format {...} to express item values for insert "
            "statement. at 1:23:1");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE ?", R"([{"M":{}}])"), error_of("INSERT INTO Tab VALUE 1"));
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {?:'p','sk':7}", R"([{"S":"pk"}])"),
            "Tuple keys must be of type String. Actual type: Parameter under root at 1:24:1");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':'a', 'sk': 300, 1: 2}"),
            "Tuple keys must be of type String. Actual type: INT under root at 1:45:1");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':'a', 'sk': 303, 'pk': 'b'}"),
            "Duplicate keys in tuple. Key: pk under root at 1:45:4");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':'n','sk':14, 'a':'1', 'a':'2'}"),
            "Duplicate keys in tuple. Key: a under root at 1:51:3");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':'a', 'sk': 302, '': 2}"), "Path component cannot be an empty string");
}

TEST(UpdatePlan, KeyConditionAndReturning) {
  auto plan = plan_of<UpdatePlan>("UPDATE Tab SET x = 6 WHERE sk = 0 AND pk = 'a' AND x = 5 RETURNING MODIFIED OLD *");
  EXPECT_EQ(plan.table_name, "Tab");
  EXPECT_EQ(json_of(plan.key), R"({"pk":{"S":"a"},"sk":{"N":"0"}})");
  EXPECT_EQ(plan.return_values, "UPDATED_OLD");
  EXPECT_TRUE(holds(plan.condition, kItem));
  EXPECT_FALSE(holds(plan.condition, R"({"pk":{"S":"a"},"sk":{"N":"0"},"x":{"N":"6"}})"));
  // UPDATE never creates: an absent item fails the condition (ConditionalCheckFailedException).
  EXPECT_FALSE(holds(plan.condition, "{}"));
  auto bare = plan_of<UpdatePlan>("UPDATE Tab SET x = 1 WHERE 'a' = pk AND 0 = sk");
  EXPECT_EQ(bare.return_values, "NONE");
  EXPECT_TRUE(holds(bare.condition, kItem));
  EXPECT_FALSE(holds(bare.condition, "{}"));
  EXPECT_EQ(plan_of<UpdatePlan>("UPDATE Tab SET x = 1 WHERE pk = 'a' AND sk = 0 RETURNING ALL NEW *").return_values,
            "ALL_NEW");
  EXPECT_EQ(plan_of<UpdatePlan>("UPDATE Tab SET x = 1 WHERE pk = 'a' AND sk = 0 RETURNING all old *").return_values,
            "ALL_OLD");
  EXPECT_EQ(
      plan_of<UpdatePlan>("UPDATE Tab SET x = 1 WHERE pk = 'a' AND sk = 0 RETURNING MODIFIED NEW *").return_values,
      "UPDATED_NEW");
  // The same key twice is one key; nested ANDs and parentheses are fine.
  auto twice = plan_of<UpdatePlan>("UPDATE Tab SET x = 1 WHERE (pk = 'a' AND (sk = 0 AND x = 5)) AND pk = 'a'");
  EXPECT_TRUE(holds(twice.condition, kItem));
  EXPECT_EQ(
      json_of(plan_of<UpdatePlan>("UPDATE Tab SET x = ? WHERE pk = ? AND sk = ?", R"([{"N":"42"},{"S":"a"},{"N":"0"}])")
                  .key),
      R"({"pk":{"S":"a"},"sk":{"N":"0"}})");
}

TEST(UpdatePlan, TheFullKeyIsRequired) {
  for (const char* where : {"pk = 'a'", "sk = 0", "pk = 'a' OR sk = 0", "pk = 'a' AND sk = 0 OR x = 1",
                            "pk IN ['a'] AND sk = 0", "pk = 'a' AND sk > 0", "pk = x AND sk = 0"}) {
    EXPECT_EQ(error_of(std::string("UPDATE Tab SET x = 5 WHERE ") + where), kIncomplete) << where;
  }
  EXPECT_EQ(error_of("UPDATE Tab SET x = 5"), kIncomplete);
  EXPECT_EQ(error_of("UPDATE Tab SET x = 5 WHERE pk = 'a' AND sk = 0 AND sk = 1"),
            "Multiple conditions on same key sk. Only single item Update/Insert/Delete are supported");
  EXPECT_EQ(error_of("UPDATE Tab SET x = 1 WHERE pk = 'a' AND pk = 'b'"),
            "Multiple conditions on same key pk. Only single item Update/Insert/Delete are supported");
  EXPECT_EQ(error_of("UPDATE Tab SET x = 1 WHERE pk = 1 AND pk = 'b' AND sk = 1"),
            "Multiple conditions on same key pk. Only single item Update/Insert/Delete are supported");
  // Types are checked sort key first, as DynamoDB does.
  EXPECT_EQ(error_of("UPDATE Tab SET x = 1 WHERE pk = 1 AND sk = 'x'"),
            "Key attribute's data type should match its data type in table's schema: Key sk");
  EXPECT_EQ(error_of("UPDATE Tab SET x = 5 WHERE pk = 1 AND sk = 0"),
            "Key attribute's data type should match its data type in table's schema: Key pk");
  EXPECT_EQ(error_of("UPDATE Tab SET zz = 1 WHERE pk.x = 'a' AND sk = 0"),
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key pk");
  EXPECT_EQ(error_of("UPDATE \"Tab\".\"gsi\" SET x = 5 WHERE pk = 'a' AND sk = 0"),
            "This operation is not supported on an index");
  // Errors that need no table come first.
  EXPECT_EQ(error_of("UPDATE Tab SET x = foo(1) WHERE pk = 'a'"), "Unrecognized function: foo");
  EXPECT_EQ(error_of("UPDATE Tab SET x = 1 WHERE pk = 'a' AND foo(x)"), "Unrecognized function: foo");
}

TEST(DeletePlan, KeyConditionAndReturning) {
  auto plan = plan_of<DeletePlan>("DELETE FROM Tab WHERE pk = 'a' AND sk = 0 RETURNING ALL OLD *");
  EXPECT_EQ(json_of(plan.key), R"({"pk":{"S":"a"},"sk":{"N":"0"}})");
  EXPECT_TRUE(plan.condition.empty());  // deleting an absent item is no error
  EXPECT_EQ(plan.return_values, "ALL_OLD");
  auto conditional = plan_of<DeletePlan>("DELETE FROM Tab WHERE pk = 'a' AND sk = 0 AND x = 5");
  EXPECT_EQ(conditional.return_values, "NONE");
  EXPECT_TRUE(holds(conditional.condition, kItem));
  EXPECT_FALSE(holds(conditional.condition, "{}"));
  EXPECT_EQ(json_of(plan_of<DeletePlan>("DELETE FROM Hash WHERE pk = 'a'", "[]", hash_table()).key),
            R"({"pk":{"S":"a"}})");
  EXPECT_EQ(error_of("DELETE FROM Tab WHERE pk = 'n' AND sk = 24 RETURNING ALL NEW *"),
            "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
  EXPECT_EQ(
      error_of("DELETE FROM Tab WHERE pk = 'n' AND sk = 24 RETURNING MODIFIED OLD *"),
      "Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
  EXPECT_EQ(error_of("DELETE FROM Tab WHERE pk = 'n'"), kIncomplete);
  EXPECT_EQ(error_of("DELETE FROM Tab"), kIncomplete);
  EXPECT_EQ(error_of("DELETE FROM Tab WHERE pk = 'n' AND sk = 27 OR sk = 28"), kIncomplete);
  EXPECT_EQ(error_of("DELETE FROM \"Tab\".\"gsi\" WHERE pk = 'n' AND sk = 27"),
            "This operation is not supported on an index");
  EXPECT_EQ(
      error_of("DELETE FROM Tab WHERE pk = 'a' AND sk = 1 AND x BETWEEN 2 AND 1"),
      "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
      "AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}");
  // A write's other conditions are conditions: key types are not checked in them.
  EXPECT_EQ(error_of("DELETE FROM Tab WHERE pk = 'a' AND sk = 1 AND (pk = 1 OR x = 1)"), "");
}

}  // namespace
}  // namespace eddy::partiql::testing
