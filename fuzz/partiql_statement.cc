// Fuzz target: PartiQL (src/partiql) from statement text to a plan: parse_statement, then
// bind_statement with a fixed list of parameters of every type, then plan_statement against a table
// with a sort key, two GSIs and an LSI and against a table with a partition key alone, for each of
// ExecuteStatement, the batch and the transaction. What plans is then run as far as it can be
// without storage: filters and conditions evaluated, updates applied and projections taken on the
// items of expression_inputs.h. Property: a failed update leaves the item as it was.
#include "expression_inputs.h"
#include "partiql/binder.h"
#include "partiql/parser.h"
#include "partiql/planner.h"

namespace {

using namespace eddy;
using namespace eddy::partiql;

KeyElement element(const char* name, AttributeType type) { return KeyElement{name, type}; }

// The shapes of docs/partiql.md's probes: "Tab" (pk S, sk N; GSI "gsi" on gk, gs; KEYS_ONLY GSI
// "gsih" on gk; LSI "lsi" on pk, ls) and "Hash" (pk S alone).
std::vector<TableDefinition> make_tables() {
  TableDefinition tab;
  tab.name = "Tab";
  tab.key.partition_key = {element("pk", AttributeType::kS)};
  tab.key.sort_key = {element("sk", AttributeType::kN)};
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
  tab.global_indexes = {gsi, gsih};
  tab.local_indexes = {lsi};
  TableDefinition hash;
  hash.name = "Hash";
  hash.key.partition_key = {element("pk", AttributeType::kS)};
  return {tab, hash};
}

const std::vector<TableDefinition>& tables() {
  static const std::vector<TableDefinition> all = make_tables();
  return all;
}

// Parameters as ExecuteStatement's Parameters: taken in order by each '?'.
const std::vector<AttributeValue>& parameters() {
  static const std::vector<AttributeValue> values = [] {
    const AttributeMap& v = fuzz::expression_values();
    return std::vector<AttributeValue>{v.at(":s"), v.at(":n"),    v.at(":m"), v.at(":l"), v.at(":ss"),
                                       v.at(":b"), v.at(":null"), v.at(":t"), v.at(":e"), v.at(":ns")};
  }();
  return values;
}

void evaluate(const expr::Condition& condition) {
  if (condition.empty()) return;
  for (const Item& item : fuzz::expression_items()) (void)condition.evaluate(item);
}

void run(const Plan& plan, const TableDefinition& table) {
  if (const auto* select = std::get_if<SelectPlan>(&plan)) {
    evaluate(select->filter);
    for (const Item& item : fuzz::expression_items()) (void)select->projection.apply(item);
  } else if (const auto* update = std::get_if<UpdatePlan>(&plan)) {
    evaluate(update->condition);
    (void)check_key_attributes_not_updated(*update, table);
    for (const Item& original : fuzz::expression_items()) {
      Item item = original;
      if (!update->update.apply(item)) FUZZ_CHECK(item == original);
    }
  } else if (const auto* remove = std::get_if<DeletePlan>(&plan)) {
    evaluate(remove->condition);
  } else if (const auto* check = std::get_if<ConditionCheckPlan>(&plan)) {
    evaluate(check->condition);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto statement = parse_statement(fuzz::text_of(data, size));
  if (!statement) return 0;
  for (StatementContext context :
       {StatementContext::kExecuteStatement, StatementContext::kBatch, StatementContext::kTransaction}) {
    auto bound = bind_statement(*statement, parameters(), context);
    if (!bound) continue;
    (void)bound_table(*bound);
    for (const TableDefinition& table : tables()) {
      auto plan = plan_statement(*bound, table, context);
      if (plan) run(*plan, table);
    }
  }
  return 0;
}
