// Helpers for the PartiQL tests: values written as DynamoDB JSON, the tables the statements run
// against (the same shapes as the DynamoDB Local probes recorded in docs/partiql.md), and one-call
// wrappers from statement text to a plan or an error message.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "partiql/binder.h"
#include "partiql/parser.h"
#include "partiql/planner.h"
#include "protocol/attribute_value_json.h"

namespace eddy::partiql::testing {

inline AttributeMap json_map(const std::string& json) {
  JsonDocument doc;
  doc.Parse(json.c_str());
  EXPECT_FALSE(doc.HasParseError()) << json;
  auto map = decode_attribute_map(doc);
  EXPECT_TRUE(map.has_value()) << json << ": " << (map ? "" : map.error().message);
  return map ? *map : AttributeMap{};
}

// "[{"S":"a"},{"N":"1"}]" as a Parameters list.
inline std::vector<AttributeValue> json_list(const std::string& json) {
  JsonDocument doc;
  doc.Parse(json.c_str());
  EXPECT_TRUE(!doc.HasParseError() && doc.IsArray()) << json;
  std::vector<AttributeValue> out;
  for (const auto& member : doc.GetArray()) {
    auto value = decode_attribute_value(member);
    EXPECT_TRUE(value.has_value()) << json;
    if (value) out.push_back(std::move(*value));
  }
  return out;
}

inline std::string json_of(const Item& item) { return attribute_map_to_json(item); }
// One value as {"N":"1"}.
inline std::string json_of(const AttributeValue& value) {
  std::string wrapped = attribute_map_to_json({{"v", value}});
  return wrapped.substr(5, wrapped.size() - 6);  // {"v":X} -> X
}

inline KeyElement element(const std::string& name, AttributeType type) { return KeyElement{name, type}; }

// "Tab": pk (S) and sk (N); GSI "gsi" on gk (S) and gs (N), GSI "gsih" on gk alone (KEYS_ONLY), LSI
// "lsi" on pk and ls (S).
inline TableDefinition tab_table() {
  TableDefinition table;
  table.name = "Tab";
  table.key.partition_key = {element("pk", AttributeType::kS)};
  table.key.sort_key = {element("sk", AttributeType::kN)};
  SecondaryIndex gsi;
  gsi.name = "gsi";
  gsi.key.partition_key = {element("gk", AttributeType::kS)};
  gsi.key.sort_key = {element("gs", AttributeType::kN)};
  SecondaryIndex gsih;
  gsih.name = "gsih";
  gsih.key.partition_key = {element("gk", AttributeType::kS)};
  gsih.projection.type = IndexProjection::Type::kKeysOnly;
  SecondaryIndex lsi;
  lsi.name = "lsi";
  lsi.key.partition_key = {element("pk", AttributeType::kS)};
  lsi.key.sort_key = {element("ls", AttributeType::kS)};
  table.global_indexes = {gsi, gsih};
  table.local_indexes = {lsi};
  return table;
}

// "Hash": pk (S) alone.
inline TableDefinition hash_table() {
  TableDefinition table;
  table.name = "Hash";
  table.key.partition_key = {element("pk", AttributeType::kS)};
  return table;
}

struct Outcome {
  std::optional<Plan> plan;
  std::string error;  // "" when planned
};

// Parses, binds and plans `text` the way the operations will.
inline Outcome run(const std::string& text, const std::string& parameters = "[]",
                   const TableDefinition& table = tab_table(),
                   StatementContext context = StatementContext::kExecuteStatement) {
  auto statement = parse_statement(text);
  if (!statement) return {std::nullopt, statement.error().message};
  auto bound = bind_statement(*statement, json_list(parameters), context);
  if (!bound) return {std::nullopt, bound.error().message};
  auto plan = plan_statement(*bound, table, context);
  if (!plan) return {std::nullopt, plan.error().message};
  return {std::move(*plan), ""};
}

inline std::string error_of(const std::string& text, const std::string& parameters = "[]",
                            const TableDefinition& table = tab_table(),
                            StatementContext context = StatementContext::kExecuteStatement) {
  return run(text, parameters, table, context).error;
}

// The plan of a statement that must plan, as the expected kind.
template <typename T>
T plan_of(const std::string& text, const std::string& parameters = "[]", const TableDefinition& table = tab_table(),
          StatementContext context = StatementContext::kExecuteStatement) {
  Outcome outcome = run(text, parameters, table, context);
  EXPECT_EQ(outcome.error, "") << text;
  if (!outcome.plan || !std::holds_alternative<T>(*outcome.plan)) {
    ADD_FAILURE() << text << ": no plan of the expected kind";
    return T{};
  }
  return std::get<T>(*outcome.plan);
}

// True when `condition` holds for the item written as JSON (an empty condition always holds).
inline bool holds(const expr::Condition& condition, const std::string& item) {
  auto result = condition.evaluate(json_map(item));
  EXPECT_TRUE(result.has_value());
  return result && *result;
}

// A key condition as text: pk={"S":"a"} sk>{"N":"1"}.
inline std::string describe(const expr::KeyCondition& condition) {
  static constexpr const char* kOps[] = {"", "=", "<", "<=", ">", ">=", " BETWEEN ", " begins_with "};
  std::string out;
  for (const auto& [name, value] : condition.partition) out += name + "=" + json_of(value);
  for (const auto& [name, value] : condition.sort_prefix) out += " " + name + "=" + json_of(value);
  if (condition.sort_op != expr::KeyCondition::SortOp::kNone) {
    out += " " + condition.sort_key + kOps[static_cast<int>(condition.sort_op)] + json_of(condition.sort_value);
    if (condition.sort_op == expr::KeyCondition::SortOp::kBetween) out += " AND " + json_of(condition.sort_value2);
  }
  return out;
}

}  // namespace eddy::partiql::testing
