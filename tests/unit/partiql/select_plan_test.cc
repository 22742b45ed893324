// SELECT's plans: Query or Scan as DynamoDB decides, key conditions and filters, ORDER BY, indexes,
// projections, and the errors that need the table (recorded from DynamoDB Local).
#include "test_support.h"

namespace eddy::partiql::testing {
namespace {

std::vector<std::string> key_conditions(const SelectPlan& plan) {
  std::vector<std::string> out;
  for (const auto& condition : plan.key_conditions) out.push_back(describe(condition));
  return out;
}

using Strings = std::vector<std::string>;

TEST(SelectPlan, PartitionEqualityIsAQuery) {
  auto plan = plan_of<SelectPlan>("SELECT * FROM \"Tab\" WHERE pk = 'a'");
  EXPECT_EQ(plan.table_name, "Tab");
  EXPECT_FALSE(plan.index_name.has_value());
  EXPECT_TRUE(plan.query);
  EXPECT_EQ(key_conditions(plan), Strings{R"(pk={"S":"a"})"});
  EXPECT_TRUE(plan.filter.empty());
  EXPECT_TRUE(plan.all_attributes);
  EXPECT_FALSE(plan.key.has_value());
  EXPECT_TRUE(plan_of<SelectPlan>("SELECT * FROM Tab WHERE 'a' = pk").query);
  EXPECT_TRUE(plan_of<SelectPlan>("SELECT * FROM Tab WHERE (pk = 'a') AND (x = 1)").query);
  EXPECT_TRUE(plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = ?", R"([{"S":"a"}])").query);
}

TEST(SelectPlan, SortKeyConditionsAndTheRestAsFilter) {
  auto plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'a' AND sk > 0 AND sk < 5 AND x = 1");
  EXPECT_EQ(key_conditions(plan), Strings{R"(pk={"S":"a"} sk>{"N":"0"})"});
  EXPECT_TRUE(holds(plan.filter, R"({"sk":{"N":"4"},"x":{"N":"1"}})"));
  EXPECT_FALSE(holds(plan.filter, R"({"sk":{"N":"5"},"x":{"N":"1"}})"));
  EXPECT_EQ(key_conditions(plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'a' AND sk BETWEEN 1 AND 2")),
            Strings{R"(pk={"S":"a"} sk BETWEEN {"N":"1"} AND {"N":"2"})"});
  EXPECT_EQ(key_conditions(plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'a' AND 3 >= sk")),
            Strings{R"(pk={"S":"a"} sk<={"N":"3"})"});
  EXPECT_EQ(
      key_conditions(plan_of<SelectPlan>("SELECT * FROM \"Tab\".\"lsi\" WHERE pk = 'a' AND begins_with(ls, 'l')")),
      Strings{R"(pk={"S":"a"} ls begins_with {"S":"l"})"});
  // <> is no key condition: it filters.
  plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'a' AND sk <> 1");
  EXPECT_EQ(key_conditions(plan), Strings{R"(pk={"S":"a"})"});
  EXPECT_FALSE(holds(plan.filter, R"({"sk":{"N":"1"}})"));
  // A sort-key condition under OR filters too.
  plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'a' AND (sk = 1 OR sk = 2)");
  EXPECT_EQ(key_conditions(plan), Strings{R"(pk={"S":"a"})"});
  EXPECT_TRUE(holds(plan.filter, R"({"sk":{"N":"2"}})"));
}

TEST(SelectPlan, SeveralPartitions) {
  auto plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk IN ['n', 'a', 'n'] AND sk > 1");
  EXPECT_EQ(key_conditions(plan), (Strings{R"(pk={"S":"n"} sk>{"N":"1"})", R"(pk={"S":"a"} sk>{"N":"1"})"}));
  EXPECT_TRUE(plan.filter.empty());
  plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'n' OR pk = 'a'");
  EXPECT_EQ(key_conditions(plan), (Strings{R"(pk={"S":"n"})", R"(pk={"S":"a"})"}));
  // Branches keep their own conditions: the whole WHERE filters.
  plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE (pk = 'n' AND sk = 27) OR (pk = 'a' AND sk = 1)");
  EXPECT_EQ(key_conditions(plan), (Strings{R"(pk={"S":"n"})", R"(pk={"S":"a"})"}));
  EXPECT_TRUE(holds(plan.filter, R"({"pk":{"S":"a"},"sk":{"N":"1"}})"));
  EXPECT_FALSE(holds(plan.filter, R"({"pk":{"S":"a"},"sk":{"N":"27"}})"));
  plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk IN [?, ?]", R"([{"S":"a"},{"S":"n"}])");
  EXPECT_EQ(plan.key_conditions.size(), 2u);
}

TEST(SelectPlan, AnythingElseIsAScan) {
  for (const char* where : {"pk > 'a'", "sk = 1", "pk = 'a' OR x = 1", "begins_with(pk, 'a')", "pk <> 'a'", "x = 1",
                            "pk = sk", "NOT pk = 'a'"}) {
    auto plan = plan_of<SelectPlan>(std::string("SELECT * FROM Tab WHERE ") + where);
    EXPECT_FALSE(plan.query) << where;
    EXPECT_TRUE(plan.key_conditions.empty()) << where;
    EXPECT_FALSE(plan.filter.empty()) << where;
  }
  auto all = plan_of<SelectPlan>("SELECT * FROM Tab");
  EXPECT_FALSE(all.query);
  EXPECT_TRUE(all.filter.empty());
}

TEST(SelectPlan, IndexesReadTheirOwnKeys) {
  auto plan = plan_of<SelectPlan>("SELECT * FROM \"Tab\".\"gsi\" WHERE gk = 'g' AND gs >= 1");
  EXPECT_EQ(plan.index_name, "gsi");
  EXPECT_EQ(key_conditions(plan), Strings{R"(gk={"S":"g"} gs>={"N":"1"})"});
  plan = plan_of<SelectPlan>("SELECT * FROM \"Tab\".\"gsi\" WHERE pk = 'a'");
  EXPECT_FALSE(plan.query);  // the table's key is no key of the index
  EXPECT_EQ(error_of("SELECT * FROM \"Tab\".\"nope\""), "The table does not have the specified index: nope");
}

TEST(SelectPlan, MultiAttributeIndexKeys) {
  TableDefinition table = tab_table();
  SecondaryIndex multi;
  multi.name = "multi";
  multi.key.partition_key = {element("a", AttributeType::kS), element("b", AttributeType::kB)};
  multi.key.sort_key = {element("c", AttributeType::kN), element("d", AttributeType::kN)};
  table.global_indexes.push_back(multi);
  auto plan = plan_of<SelectPlan>("SELECT * FROM Tab.multi WHERE b = ? AND a = 'x' AND c = 1 AND d > 2 AND z = 0",
                                  R"([{"B":"eQ=="}])", table);
  EXPECT_TRUE(plan.query);
  EXPECT_EQ(key_conditions(plan), Strings{R"(a={"S":"x"}b={"B":"eQ=="} c={"N":"1"} d>{"N":"2"})"});
  EXPECT_TRUE(holds(plan.filter, R"({"z":{"N":"0"}})"));
  EXPECT_FALSE(plan_of<SelectPlan>("SELECT * FROM Tab.multi WHERE a = 'x' AND c = 1", "[]", table).query);
  EXPECT_EQ(error_of("SELECT * FROM Tab.multi WHERE a = 'x' AND b = 1", "[]", table),
            "Key attribute's data type should match its data type in table's schema: Key b");
}

TEST(SelectPlan, KeyValuesHaveTheKeysTypes) {
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 1"),
            "Key attribute's data type should match its data type in table's schema: Key pk");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = ?", R"([{"B":"YWJj"}])"),
            "Key attribute's data type should match its data type in table's schema: Key pk");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = NULL"),
            "Key attribute's data type should match its data type in table's schema: Key pk");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk IN [NULL]"),
            "Key attribute's data type should match its data type in table's schema: Key pk");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' AND sk = 'x'"),
            "Key attribute's data type should match its data type in table's schema: Key sk");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' AND begins_with(sk, 'a')"),
            "Key attribute's data type should match its data type in table's schema: Key sk");
  EXPECT_EQ(error_of("SELECT * FROM \"Tab\".\"gsi\" WHERE gk = 'g' AND gs = 'x'"),
            "Key attribute's data type should match its data type in table's schema: Key gs");
  EXPECT_EQ(
      error_of("SELECT * FROM Tab WHERE pk = ''"),
      "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
      "string value. Key: pk");
}

TEST(SelectPlan, OtherComparisonsOfKeysToo) {
  const std::string mismatch =
      "One or more parameter values were invalid: Condition parameter type does not match schema type";
  for (const char* where : {"sk = 'x'", "sk IN ['x']", "begins_with(sk, 'x')", "sk BETWEEN 'a' AND 'b'", "sk > 'x'",
                            "sk <> 'x'", "NOT sk = 'x'", "'x' = sk", "contains(sk, 'x')", "pk = 1 OR x = 1",
                            "pk = 'a' AND (sk = 'x' OR x = 1)", "pk = 'a' AND sk = 1 AND pk = 2"}) {
    EXPECT_EQ(error_of(std::string("SELECT * FROM Tab WHERE ") + where), mismatch) << where;
  }
  EXPECT_EQ(error_of("SELECT * FROM \"Tab\".\"gsi\" WHERE gk = 'g' AND pk = 1"), mismatch);
  EXPECT_EQ(error_of("SELECT * FROM \"Tab\".\"lsi\" WHERE ls = 1"), mismatch);
  // Keys of indexes not read, comparisons with attributes, and later IN candidates are not checked.
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE gk = 1"), "");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE ls = 1"), "");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE sk = x"), "");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' AND sk = 1 AND sk IN [1, 'x']"), "");
  const std::string scalar =
      "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk";
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk.x = 'a'"), scalar);
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk[0] = 'a'"), scalar);
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' AND m.b = 1 AND pk.x = 1"), scalar);
}

TEST(SelectPlan, OrderBy) {
  auto plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'a' ORDER BY sk DESC");
  EXPECT_FALSE(plan.scan_index_forward);
  EXPECT_TRUE(plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'a' ORDER BY sk ASC, pk DESC").scan_index_forward);
  EXPECT_TRUE(plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk = 'a' ORDER BY pk").scan_index_forward);
  EXPECT_FALSE(plan_of<SelectPlan>("SELECT * FROM \"Tab\".\"gsi\" WHERE gk = 'g' ORDER BY gs DESC").scan_index_forward);
  EXPECT_FALSE(
      plan_of<SelectPlan>("SELECT * FROM \"Tab\".\"lsi\" WHERE pk = 'a' ORDER BY \"ls\" DESC").scan_index_forward);
  plan = plan_of<SelectPlan>("SELECT * FROM Tab WHERE pk IN ['a', 'n', 'c'] ORDER BY pk DESC, sk DESC");
  EXPECT_EQ(key_conditions(plan), (Strings{R"(pk={"S":"n"})", R"(pk={"S":"c"})", R"(pk={"S":"a"})"}));
  EXPECT_FALSE(plan.scan_index_forward);
  // A condition on the partition key in every case is enough, even one that scans.
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk > 'a' ORDER BY sk DESC"), "");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE begins_with(pk, 'a') ORDER BY sk"), "");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' OR pk = 'n' ORDER BY sk"), "");
  EXPECT_EQ(error_of("SELECT * FROM Tab ORDER BY sk"),
            "Must have WHERE clause in the statement when using ORDER BY clause.");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE x = 1 ORDER BY sk DESC"),
            "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' OR x = 1 ORDER BY sk"),
            "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' ORDER BY x"),
            "Variable reference x in ORDER BY clause must be part of the primary key");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' ORDER BY gs"),
            "Variable reference gs in ORDER BY clause must be part of the primary key");
  EXPECT_EQ(error_of("SELECT * FROM \"Tab\".\"gsi\" WHERE gk = 'g' ORDER BY sk DESC"),
            "Variable reference sk in ORDER BY clause must be part of the primary key");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' ORDER BY m.b DESC"),
            "Argument to ORDER BY must be of type VariableReference. Type: PATH");
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = 'a' ORDER BY 1"),
            "Argument to ORDER BY must be of type VariableReference. Type: 1");
  EXPECT_EQ(error_of("SELECT * FROM Hash WHERE pk = 'a' ORDER BY v", "[]", hash_table()),
            "Variable reference v in ORDER BY clause must be part of the primary key");
}

TEST(SelectPlan, Projections) {
  auto plan = plan_of<SelectPlan>("SELECT m.b[1].c, \"sp ace\", pk FROM Tab WHERE pk = 'a'");
  EXPECT_FALSE(plan.all_attributes);
  ASSERT_EQ(plan.projection.paths.size(), 3u);
  Item projected = plan.projection.apply(json_map(R"({"pk":{"S":"a"},"sp ace":{"S":"sp"},"x":{"N":"1"},
      "m":{"M":{"b":{"L":[{"N":"1"},{"M":{"c":{"S":"deep"},"d":{"S":"no"}}}]}}}})"));
  EXPECT_EQ(json_of(projected),
            R"({"m":{"M":{"b":{"L":[{"M":{"c":{"S":"deep"}}}]}}},"pk":{"S":"a"},"sp ace":{"S":"sp"}})");
  EXPECT_EQ(error_of("SELECT pk, pk FROM Tab"), "Duplicate identifiers in select clause: pk");
  EXPECT_EQ(error_of("SELECT m.b, x.b FROM Tab"), "Duplicate identifiers in select clause: b");
  EXPECT_EQ(error_of("SELECT m.b[0], m.b[1] FROM Tab"), "");
  EXPECT_EQ(error_of("SELECT m, m.b FROM Tab"),
            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m, b], "
            "path two: [m]");
  EXPECT_EQ(error_of("SELECT m.b, m FROM Tab"),
            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], "
            "path two: [m, b]");
  EXPECT_EQ(error_of("SELECT COUNT(*) FROM Tab"), "Unexpected path component at 1:8:5");
  EXPECT_EQ(error_of("SELECT pk + 1 FROM Tab"), "Unexpected path component at 1:11:1");
  EXPECT_EQ(error_of("SELECT size(x) FROM Tab"), "Unexpected path component at 1:8:4");
  EXPECT_EQ(error_of("SELECT 1 FROM Tab"), "Unexpected path component at 1:8:1");
  EXPECT_EQ(error_of("SELECT 'a' FROM Tab"), "Unexpected path component at 1:8:3");
  EXPECT_EQ(error_of("SELECT [0] FROM Tab"), "Unexpected path component at 1:8:1");
  EXPECT_EQ(error_of("SELECT ? FROM Tab", R"([{"S":"pk"}])"), "Unexpected path component at 1:8:1");
  EXPECT_EQ(error_of("SELECT missing FROM Tab"), "Unexpected path component at 1:8:7");
  EXPECT_EQ(error_of("SELECT m.b[1.5] FROM Tab"), "Unexpected path component at 1:12:3");
  EXPECT_EQ(error_of("SELECT m.b[?] FROM Tab", R"([{"N":"1"}])"), "Unexpected path component at 1:12:1");
  EXPECT_EQ(error_of("SELECT m.b[-1] FROM Tab"), "List index is not within the allowable range; index: [-1] at 1:13:1");
  EXPECT_EQ(error_of("SELECT m.b[100000000000] FROM Tab"),
            "List index is not within the allowable range; index: [100000000000] at 1:12:12");
  EXPECT_EQ(error_of("SELECT \"\" FROM Tab"), "Path component cannot be an empty string");
  EXPECT_EQ(error_of("SELECT m.\"\" FROM Tab"), "Path component cannot be an empty string");
  EXPECT_EQ(error_of("SELECT m[''] FROM Tab"), "Path component cannot be an empty string");
}

TEST(SelectPlan, TableNames) {
  const std::string invalid =
      "Table name should be within the length [3, 255] and only contain 'a-z', 'A-Z', '0-9', '-', '_', '.'.";
  EXPECT_EQ(error_of("SELECT * FROM \"ab\""), invalid);
  EXPECT_EQ(error_of("SELECT * FROM \"a$b\""), invalid);
  EXPECT_EQ(error_of("SELECT * FROM \"" + std::string(256, 'a') + "\""), invalid);
  EXPECT_EQ(error_of("UPDATE \"Xyz\".\"i\" SET x = 1 WHERE a = 1"), invalid);
  auto statement = parse_statement("SELECT * FROM \"my-table.v2\"");
  ASSERT_TRUE(statement.has_value());
  auto bound = bind_statement(*statement, {}, StatementContext::kExecuteStatement);
  ASSERT_TRUE(bound.has_value());
  EXPECT_EQ(bound_table(*bound).table, "my-table.v2");
}

}  // namespace
}  // namespace eddy::partiql::testing
