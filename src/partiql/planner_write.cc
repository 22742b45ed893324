// The plans of INSERT, UPDATE, DELETE and EXISTS (see planner.h): the item's full key from WHERE,
// what is left of WHERE as the write's condition, RETURNING as ReturnValues.
#include <memory>

#include "model/result.h"
#include "partiql/condition_parts.h"
#include "partiql/errors.h"
#include "partiql/planner.h"
#include "partiql/planner_steps.h"

namespace eddy::partiql {
namespace {

using Conjuncts = std::vector<const expr::ConditionNode*>;

std::vector<KeyElement> key_elements(const KeySchema& key) {
  std::vector<KeyElement> elements = key.partition_key;
  elements.insert(elements.end(), key.sort_key.begin(), key.sort_key.end());
  return elements;
}

Result<void> check_key_value(const KeyElement& element, const AttributeValue& value) {
  if (value.type != element.type) return fail(errors::key_type(element.name));
  if ((value.type == AttributeType::kS || value.type == AttributeType::kB) && value.scalar.empty()) {
    return fail(errors::empty_key_string(element.name));
  }
  return {};
}

// An equality whose path goes into the key attribute `name` (pk.a = 1): keys are scalars.
bool equality_into(const expr::ConditionNode& node, const std::string& name) {
  if (node.kind != expr::ConditionKind::kComparison || node.comparator != expr::Comparator::kEq) return false;
  for (const expr::Operand& operand : node.operands) {
    if (operand.kind == expr::OperandKind::kPath && operand.path.size() > 1 && operand.path[0].name == name)
      return true;
  }
  return false;
}

struct WriteKey {
  Item key;
  Conjuncts rest;  // WHERE's other conjuncts: the write's condition
};

// DynamoDB's order: several values for one key attribute, then a missing one, then types (the sort
// key's first). EXISTS takes the first equality on each key attribute as the key and leaves the
// others to its condition (`first_wins`).
Result<WriteKey> write_key(const expr::ConditionTree& where, const KeySchema& key, bool first_wins = false) {
  Conjuncts conjuncts = flatten(where.root, expr::ConditionKind::kAnd);
  std::vector<bool> used(conjuncts.size(), false);
  WriteKey out;
  std::vector<KeyElement> elements = key_elements(key);
  for (const KeyElement& element : elements) {
    const AttributeValue* value = nullptr;
    for (std::size_t i = 0; i < conjuncts.size(); ++i) {
      if (equality_into(*conjuncts[i], element.name)) return fail(errors::write_key_not_scalar(element.name));
      const AttributeValue* candidate = equality_value(*conjuncts[i], element.name);
      if (candidate == nullptr || (first_wins && value != nullptr)) continue;
      if (value != nullptr && *candidate != *value) return fail(errors::multiple_key_conditions(element.name));
      value = candidate;
      used[i] = true;
    }
    if (value != nullptr) out.key.emplace(element.name, *value);
  }
  for (const KeyElement& element : elements) {
    if (out.key.count(element.name) == 0) return fail(errors::incomplete_key());
  }
  for (auto element = elements.rbegin(); element != elements.rend(); ++element) {
    EDDY_TRY_VOID(check_key_value(*element, out.key.at(element->name)));
  }
  for (std::size_t i = 0; i < conjuncts.size(); ++i) {
    if (!used[i]) out.rest.push_back(conjuncts[i]);
  }
  return out;
}

std::string return_values(Returning returning) {
  switch (returning) {
    case Returning::kAllOld: return "ALL_OLD";
    case Returning::kModifiedOld: return "UPDATED_OLD";
    case Returning::kAllNew: return "ALL_NEW";
    case Returning::kModifiedNew: return "UPDATED_NEW";
    case Returning::kNone: break;
  }
  return "NONE";
}

}  // namespace

Result<InsertPlan> plan_insert(const BoundInsert& insert, const TableDefinition& table) {
  if (insert.returning) return fail(errors::insert_returning());
  for (const KeyElement& element : key_elements(table.key)) {
    auto value = insert.item.find(element.name);
    if (value == insert.item.end()) return fail(errors::key_absent(element.name));
    EDDY_TRY_VOID(check_key_value(element, value->second));
  }
  return InsertPlan{table.name, insert.item};
}

Result<UpdatePlan> plan_update(const BoundUpdate& update, const TableDefinition& table, StatementContext context) {
  if (update.table.index) return fail(errors::not_on_index());
  if (context == StatementContext::kTransaction && update.returning != Returning::kNone) {
    return fail(errors::transaction_returning());
  }
  EDDY_TRY(WriteKey key, write_key(update.where, table.key));
  UpdatePlan plan;
  plan.table_name = table.name;
  plan.key = std::move(key.key);
  plan.update = expr::Update(std::make_shared<const expr::UpdateTree>(update.update));
  plan.condition = exists_and(table.key.partition_attribute().name, key.rest);
  plan.return_values = return_values(update.returning);
  return plan;
}

Result<DeletePlan> plan_delete(const BoundDelete& remove, const TableDefinition& table, StatementContext context) {
  if (remove.from.index) return fail(errors::not_on_index());
  if (remove.returning != Returning::kNone && remove.returning != Returning::kAllOld) {
    return fail(errors::delete_returning(returning_text(remove.returning)));
  }
  if (context == StatementContext::kTransaction && remove.returning != Returning::kNone) {
    return fail(errors::transaction_returning());
  }
  EDDY_TRY(WriteKey key, write_key(remove.where, table.key));
  return DeletePlan{table.name, std::move(key.key), conjunction(key.rest), return_values(remove.returning)};
}

Result<ConditionCheckPlan> plan_condition_check(const BoundConditionCheck& check, const TableDefinition& table) {
  const BoundSelect& select = check.select;
  if (select.from.index) return fail(errors::transaction_check_index());
  if (!select.where) return fail(errors::transaction_check_key());
  auto key = write_key(*select.where, table.key, true);
  if (!key) {
    bool incomplete = key.error().message == errors::incomplete_key().message;
    return fail(incomplete ? errors::transaction_check_key() : key.error());
  }
  if (key->rest.empty()) return fail(errors::transaction_check_key());
  return ConditionCheckPlan{table.name, std::move(key->key),
                            exists_and(table.key.partition_attribute().name, key->rest)};
}

Result<void> check_key_attributes_not_updated(const UpdatePlan& plan, const TableDefinition& table) {
  const expr::UpdateTree* tree = plan.update.tree();
  if (tree == nullptr) return {};
  for (const expr::UpdateAction& action : tree->actions) {
    const std::string& top = action.path.path[0].name;
    if (table.key.contains(top)) return fail(errors::cannot_update_key(top));
  }
  return {};
}

}  // namespace eddy::partiql
