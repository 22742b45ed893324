// The statements of the AWS documentation's PartiQL pages (select, insert, update, delete, functions),
// as a new user would first send them, against the documentation's Music table.
#include "test_support.h"

namespace eddy::partiql::testing {
namespace {

TableDefinition music() {
  TableDefinition table;
  table.name = "Music";
  table.key.partition_key = {element("Artist", AttributeType::kS)};
  table.key.sort_key = {element("SongTitle", AttributeType::kS)};
  return table;
}

template <typename T>
T music_plan(const std::string& text, StatementContext context = StatementContext::kExecuteStatement) {
  return plan_of<T>(text, "[]", music(), context);
}

TEST(DocumentedExamples, Select) {
  auto one = music_plan<SelectPlan>(
      "SELECT * FROM \"Music\" WHERE \"Artist\" = 'Acme Band' AND \"SongTitle\" = 'PartiQL Rocks'");
  ASSERT_TRUE(one.key.has_value());
  EXPECT_EQ(json_of(*one.key), R"({"Artist":{"S":"Acme Band"},"SongTitle":{"S":"PartiQL Rocks"}})");
  auto missing = music_plan<SelectPlan>("SELECT * FROM Music WHERE \"Awards\" is MISSING");
  EXPECT_FALSE(missing.query);
  EXPECT_TRUE(holds(missing.filter, R"({"Artist":{"S":"a"}})"));
  auto in = music_plan<SelectPlan>(
      "SELECT Artist, SongTitle FROM Music WHERE Artist IN ['Acme Band', 'PartiQL Band'] "
      "ORDER BY Artist DESC");
  EXPECT_EQ(in.key_conditions.size(), 2u);
  EXPECT_EQ(in.projection.paths.size(), 2u);
  EXPECT_EQ(describe(in.key_conditions[0]), R"(Artist={"S":"PartiQL Band"})");
  auto begins =
      music_plan<SelectPlan>("SELECT * FROM Music WHERE Artist = 'Acme Band' AND begins_with(SongTitle, 'Part')");
  EXPECT_EQ(describe(begins.key_conditions[0]), R"(Artist={"S":"Acme Band"} SongTitle begins_with {"S":"Part"})");
  auto contains = music_plan<SelectPlan>(
      "SELECT * FROM \"Music\" WHERE \"Artist\" = 'Acme Band' AND "
      "contains(\"Awards\", 'Grammy') AND size(\"Awards\") > 1 AND "
      "attribute_type(\"Awards\", 'SS')");
  EXPECT_TRUE(holds(contains.filter, R"({"Awards":{"SS":["Grammy","Emmy"]}})"));
  EXPECT_FALSE(holds(contains.filter, R"({"Awards":{"SS":["Grammy"]}})"));
}

TEST(DocumentedExamples, InsertUpdateDelete) {
  auto insert =
      music_plan<InsertPlan>("INSERT INTO \"Music\" value {'Artist' : 'Acme Band','SongTitle' : 'PartiQL Rocks'}");
  EXPECT_EQ(json_of(insert.item), R"({"Artist":{"S":"Acme Band"},"SongTitle":{"S":"PartiQL Rocks"}})");
  auto update = music_plan<UpdatePlan>(
      "UPDATE \"Music\" SET AwardsWon=1 SET AwardDetail={'Grammys':[2020, 2018]} WHERE Artist='Acme Band' AND "
      "SongTitle='PartiQL Rocks' RETURNING ALL OLD *");
  Item item = json_map(R"({"Artist":{"S":"Acme Band"},"SongTitle":{"S":"PartiQL Rocks"}})");
  ASSERT_TRUE(holds(update.condition, json_of(item)));
  ASSERT_TRUE(update.update.apply(item).has_value());
  EXPECT_EQ(json_of(item),
            R"({"Artist":{"S":"Acme Band"},"AwardDetail":{"M":{"Grammys":{"L":[{"N":"2020"},{"N":"2018"}]}}},)"
            R"("AwardsWon":{"N":"1"},"SongTitle":{"S":"PartiQL Rocks"}})");
  EXPECT_EQ(update.return_values, "ALL_OLD");
  auto append = music_plan<UpdatePlan>(
      "UPDATE \"Music\" SET AwardDetail.Grammys =list_append(AwardDetail.Grammys,[2016]) SET BandMembers "
      "=set_add(BandMembers, <<'newmember'>>) REMOVE AwardDetail.Emmys[0] WHERE Artist='Acme Band' AND "
      "SongTitle='PartiQL Rocks'");
  EXPECT_EQ(append.update.tree()->actions.size(), 3u);
  auto remove = music_plan<DeletePlan>(
      "DELETE FROM \"Music\" WHERE \"Artist\" = 'Acme Band' AND \"SongTitle\" = 'PartiQL Rocks' RETURNING ALL OLD *");
  EXPECT_EQ(remove.return_values, "ALL_OLD");
  auto exists = music_plan<ConditionCheckPlan>(
      "EXISTS( SELECT * FROM \"Music\" WHERE \"Artist\" = 'Acme Band' AND \"SongTitle\" = 'PartiQL Rocks' AND "
      "\"Awards\" IS MISSING)",
      StatementContext::kTransaction);
  EXPECT_TRUE(holds(exists.condition, R"({"Artist":{"S":"Acme Band"},"SongTitle":{"S":"PartiQL Rocks"}})"));
}

}  // namespace
}  // namespace eddy::partiql::testing
