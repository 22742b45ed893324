// What BatchExecuteStatement and ExecuteTransaction refuse that ExecuteStatement takes, and the other
// way round (recorded from DynamoDB Local).
#include "test_support.h"

namespace eddy::partiql::testing {
namespace {

constexpr auto kStatement = StatementContext::kExecuteStatement;
constexpr auto kBatch = StatementContext::kBatch;
constexpr auto kTransaction = StatementContext::kTransaction;

std::string error_in(StatementContext context, const std::string& text, const std::string& parameters = "[]") {
  return error_of(text, parameters, tab_table(), context);
}

TEST(Context, ReadsByFullKey) {
  auto plan = plan_of<SelectPlan>("SELECT x FROM Tab WHERE pk = 'a' AND sk = 0", "[]", tab_table(), kTransaction);
  ASSERT_TRUE(plan.key.has_value());
  EXPECT_EQ(json_of(*plan.key), R"({"pk":{"S":"a"},"sk":{"N":"0"}})");
  EXPECT_EQ(plan.projection.paths.size(), 1u);
  EXPECT_TRUE(
      plan_of<SelectPlan>("SELECT * FROM Tab WHERE sk = 0 AND pk = 'a'", "[]", tab_table(), kBatch).key.has_value());
  EXPECT_TRUE(plan_of<SelectPlan>("SELECT * FROM Hash WHERE pk = 'a'", "[]", hash_table(), kBatch).key.has_value());
  EXPECT_EQ(error_in(kTransaction, "SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 ORDER BY sk"), "");
  // Repeating a key's equality still names one item.
  EXPECT_EQ(error_in(kTransaction, "SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 AND sk = 0"), "");
  EXPECT_EQ(error_in(kTransaction, "SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 AND pk = 'a'"), "");
  const std::string tx_key =
      "Select statements within ExecuteTransaction must specify the primary key in the where clause.";
  for (const char* where : {"pk = 'a'", "pk = 'a' AND sk = 0 AND x = 0", "pk IN ['a'] AND sk = 0",
                            "pk = 'a' AND sk = 0 OR pk = 'b' AND sk = 0"}) {
    EXPECT_EQ(error_in(kTransaction, std::string("SELECT * FROM Tab WHERE ") + where), tx_key) << where;
    EXPECT_EQ(error_in(kBatch, std::string("SELECT * FROM Tab WHERE ") + where), "Only single item select is supported")
        << where;
    EXPECT_EQ(error_in(kStatement, std::string("SELECT * FROM Tab WHERE ") + where), "") << where;
  }
  EXPECT_EQ(error_in(kTransaction, "SELECT * FROM \"Tab\".\"gsi\" WHERE gk = 'g' AND gs = 0"),
            "Reads on indices are not supported within transactions.");
  EXPECT_EQ(error_in(kBatch, "SELECT * FROM \"Tab\".\"gsi\" WHERE gk = 'g' AND gs = 0"),
            "Only single item select is supported");
  EXPECT_EQ(error_in(kBatch, "SELECT * FROM Tab WHERE pk = 1 AND sk = 0"),
            "Key attribute's data type should match its data type in table's schema: Key pk");
}

TEST(Context, ExistsIsATransactionsConditionCheck) {
  auto plan = plan_of<ConditionCheckPlan>("EXISTS(SELECT * FROM \"Tab\" WHERE pk = 'a' AND sk = 0 AND x = 5)", "[]",
                                          tab_table(), kTransaction);
  EXPECT_EQ(plan.table_name, "Tab");
  EXPECT_EQ(json_of(plan.key), R"({"pk":{"S":"a"},"sk":{"N":"0"}})");
  EXPECT_TRUE(holds(plan.condition, R"({"pk":{"S":"a"},"sk":{"N":"0"},"x":{"N":"5"}})"));
  EXPECT_FALSE(holds(plan.condition, R"({"pk":{"S":"a"},"sk":{"N":"0"},"x":{"N":"6"}})"));
  EXPECT_FALSE(holds(plan.condition, "{}"));  // EXISTS of an absent item is false
  auto missing = plan_of<ConditionCheckPlan>("EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 AND x IS MISSING)",
                                             "[]", tab_table(), kTransaction);
  EXPECT_FALSE(holds(missing.condition, "{}"));
  EXPECT_TRUE(holds(missing.condition, R"({"pk":{"S":"a"},"sk":{"N":"0"}})"));
  // EXISTS keys its item by the first equality on each key attribute; the rest is its condition.
  auto twice = plan_of<ConditionCheckPlan>("EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 AND sk = 1 AND x = 1)",
                                           "[]", tab_table(), kTransaction);
  EXPECT_EQ(json_of(twice.key), R"({"pk":{"S":"a"},"sk":{"N":"0"}})");
  EXPECT_FALSE(holds(twice.condition, R"({"pk":{"S":"a"},"sk":{"N":"0"},"x":{"N":"1"}})"));
  const std::string shape = "EXISTS() must contain a single item read with additional condition";
  EXPECT_EQ(error_in(kTransaction, "EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 0)"), shape);
  EXPECT_EQ(error_in(kTransaction, "EXISTS(SELECT * FROM Tab WHERE pk = 'a')"), shape);
  EXPECT_EQ(error_in(kTransaction, "EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND x = 1)"), shape);
  EXPECT_EQ(error_in(kTransaction, "EXISTS(SELECT * FROM \"Tab\".\"gsi\" WHERE gk = 'g' AND gs = 0 AND x = 1)"),
            "Operations on indices are not supported in transactions");
  EXPECT_EQ(error_in(kTransaction, "NOT EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 AND x = 0)"),
            "Unsupported operation in transaction.");
  EXPECT_EQ(error_in(kTransaction,
                     "EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 AND x = 0) AND "
                     "EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 1 AND x = 1)"),
            "Unsupported operation in transaction.");
  const std::string outside = "EXISTS can only be used in ExecuteTransaction write requests.";
  EXPECT_EQ(error_in(kStatement, "EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 0)"), outside);
  EXPECT_EQ(error_in(kBatch, "EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 0 AND x = 0)"), outside);
  EXPECT_EQ(error_in(kStatement, "x = 1"), outside);
  EXPECT_EQ(error_in(kStatement, "1 + 1"), outside);
  EXPECT_EQ(error_in(kStatement, "SELECT * FROM Tab UNION SELECT * FROM Hash"), outside);
}

TEST(Context, WritesInTransactionsReturnNothing) {
  EXPECT_EQ(error_in(kTransaction, "UPDATE Tab SET y = 1 WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *"),
            "RETURNING clause is not supported in ExecuteTransaction.");
  EXPECT_EQ(error_in(kTransaction, "DELETE FROM Tab WHERE pk = 'zz' AND sk = 1 RETURNING ALL OLD *"),
            "RETURNING clause is not supported in ExecuteTransaction.");
  EXPECT_EQ(error_in(kBatch, "UPDATE Tab SET y = 1 WHERE pk = 'c' AND sk = 1 RETURNING ALL NEW *"), "");
  EXPECT_EQ(error_in(kTransaction, "UPDATE Tab SET y = 1 WHERE pk = 'a' AND sk = 1"), "");
}

TEST(Context, StatementsThatAreNoOperation) {
  EXPECT_EQ(error_in(kStatement, "SELEC"), "Unsupported operation: VariableReference");
  EXPECT_EQ(error_in(kTransaction, "SELEC"), "Unsupported operation: VariableReference");
  EXPECT_EQ(error_in(kStatement, "1"), "Unsupported operation: Literal");
  EXPECT_EQ(error_in(kStatement, "'abc'"), "Unsupported operation: Literal");
  EXPECT_EQ(error_in(kStatement, "[1,2]"), "Unsupported operation: Seq");
  EXPECT_EQ(error_in(kStatement, "CREATE TABLE foo"), "Unsupported operation: CreateTable");
  const std::string invalid = "Invalid operation. Only select, insert, update and delete operations are valid";
  EXPECT_EQ(error_in(kBatch, "SELEC"), invalid);
  EXPECT_EQ(error_in(kBatch, "1"), invalid);
  EXPECT_EQ(error_in(kBatch, "CREATE TABLE x"), invalid);
  EXPECT_EQ(error_in(kBatch, "x = 1"), "EXISTS can only be used in ExecuteTransaction write requests.");
}

}  // namespace
}  // namespace eddy::partiql::testing
