// SELECT's plan (see planner.h): which partitions a Query reads, its key condition and filter, or a
// Scan; ORDER BY; and the full key that batches and transactions need.
#include <algorithm>
#include <map>

#include "expr/value_rules.h"
#include "model/result.h"
#include "partiql/condition_parts.h"
#include "partiql/errors.h"
#include "partiql/planner_steps.h"

namespace eddy::partiql {
namespace {

using expr::ConditionKind;
using expr::ConditionNode;
using expr::KeyCondition;
using expr::Operand;
using Conjuncts = std::vector<const ConditionNode*>;

// The key attributes whose type DynamoDB checks in a read: those of the index read (if any) and the
// table's.
std::map<std::string, AttributeType> key_types(const TableDefinition& table, const SecondaryIndex* index) {
  std::map<std::string, AttributeType> out;
  auto add = [&](const KeySchema& key) {
    for (const KeyElement& element : key.partition_key) out.emplace(element.name, element.type);
    for (const KeyElement& element : key.sort_key) out.emplace(element.name, element.type);
  };
  if (index != nullptr) add(index->key);
  add(table.key);
  return out;
}

// "Key attributes must be scalars" for any path into a key attribute (pk.a, pk[0]).
Result<void> check_key_paths(const ConditionNode& node, const std::map<std::string, AttributeType>& keys) {
  for (const ConditionNode& child : node.children) {
    EDDY_TRY_VOID(check_key_paths(child, keys));
  }
  std::vector<const Operand*> operands;
  for (const Operand& operand : node.operands) {
    operands.push_back(&operand);
    for (const Operand& arg : operand.args) operands.push_back(&arg);
  }
  for (const Operand* operand : operands) {
    if (operand->kind == expr::OperandKind::kPath && operand->path.size() > 1 && keys.count(operand->path[0].name)) {
      return fail(errors::read_key_not_scalar(operand->path[0].name));
    }
  }
  return {};
}

// "Condition parameter type does not match schema type" when a key attribute is compared with a value
// of another type: = <> < <= > >= BETWEEN, the first of IN's candidates, begins_with and contains.
Result<void> check_condition_types(const ConditionNode& node, const std::map<std::string, AttributeType>& keys) {
  for (const ConditionNode& child : node.children) {
    EDDY_TRY_VOID(check_condition_types(child, keys));
  }
  bool typed =
      node.kind == ConditionKind::kComparison || node.kind == ConditionKind::kBetween ||
      node.kind == ConditionKind::kIn ||
      (node.kind == ConditionKind::kFunction && (node.function == "begins_with" || node.function == "contains"));
  if (!typed) return {};
  std::optional<AttributeType> key_type;
  for (const Operand& operand : node.operands) {
    if (operand.kind != expr::OperandKind::kPath || operand.path.size() != 1) continue;
    auto found = keys.find(operand.path[0].name);
    if (found != keys.end()) key_type = found->second;
    break;
  }
  if (!key_type) return {};
  std::size_t last =
      node.kind == ConditionKind::kIn ? std::min<std::size_t>(2, node.operands.size()) : node.operands.size();
  for (std::size_t i = 0; i < last; ++i) {
    const Operand& operand = node.operands[i];
    if (operand.kind == expr::OperandKind::kValue && operand.value.type != *key_type)
      return fail(errors::condition_type());
  }
  return {};
}

// WHERE's partition-key values: an equality, an IN, or an OR whose every branch holds an equality.
struct PartitionMatch {
  std::vector<AttributeValue> values;
  std::size_t conjunct = 0;  // the conjunct that named them
  bool branches = false;     // an OR: each branch has conditions of its own
  bool equality = false;     // pk = v (not IN, not OR): the only form a full key takes
};

void add_distinct(std::vector<AttributeValue>& values, const AttributeValue& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

std::optional<PartitionMatch> match_partition(const Conjuncts& conjuncts, const std::string& hash) {
  for (std::size_t i = 0; i < conjuncts.size(); ++i) {
    if (const AttributeValue* value = equality_value(*conjuncts[i], hash))
      return PartitionMatch{{*value}, i, false, true};
  }
  for (std::size_t i = 0; i < conjuncts.size(); ++i) {
    const ConditionNode& node = *conjuncts[i];
    if (node.kind != ConditionKind::kIn || !is_attribute(node.operands[0], hash)) continue;
    PartitionMatch match{{}, i, false};
    bool values = std::all_of(node.operands.begin() + 1, node.operands.end(),
                              [](const Operand& op) { return op.kind == expr::OperandKind::kValue; });
    if (!values) continue;
    for (std::size_t j = 1; j < node.operands.size(); ++j) add_distinct(match.values, node.operands[j].value);
    return match;
  }
  for (std::size_t i = 0; i < conjuncts.size(); ++i) {
    if (conjuncts[i]->kind != ConditionKind::kOr) continue;
    PartitionMatch match{{}, i, true};
    bool every = true;
    for (const ConditionNode* branch : flatten(*conjuncts[i], ConditionKind::kOr)) {
      const AttributeValue* value = nullptr;
      for (const ConditionNode* term : flatten(*branch, ConditionKind::kAnd)) {
        if ((value = equality_value(*term, hash))) break;
      }
      if (value == nullptr) every = false;
      else add_distinct(match.values, *value);
    }
    if (every) return match;
  }
  return std::nullopt;
}

// Takes the sort-key conditions out of `rest`: leading equalities of a multi-attribute sort key,
// then the first condition on the next attribute.
void match_sort_key(const KeySchema& key, Conjuncts& rest, KeyCondition& out) {
  auto find = [&](const std::string& name) -> std::optional<std::pair<std::size_t, SortTerm>> {
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (auto term = sort_term(*rest[i], name)) return std::make_pair(i, *term);
    }
    return std::nullopt;
  };
  for (std::size_t a = 0; a < key.sort_key.size(); ++a) {
    auto found = find(key.sort_key[a].name);
    if (!found) return;
    bool more = a + 1 < key.sort_key.size() && find(key.sort_key[a + 1].name).has_value();
    rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(found->first));
    if (found->second.op == KeyCondition::SortOp::kEq && more) {
      out.sort_prefix.emplace_back(key.sort_key[a].name, found->second.value);
      continue;
    }
    out.sort_op = found->second.op;
    out.sort_key = key.sort_key[a].name;
    out.sort_value = found->second.value;
    out.sort_value2 = found->second.value2;
    return;
  }
}

Result<void> check_key_condition_types(const KeySchema& key, const KeyCondition& condition) {
  auto type_of = [&](const std::string& name) {
    for (const auto* elements : {&key.partition_key, &key.sort_key}) {
      for (const KeyElement& element : *elements) {
        if (element.name == name) return element.type;
      }
    }
    return key.partition_attribute().type;
  };
  for (const auto& [name, value] : condition.partition) {
    if (value.type != type_of(name)) return fail(errors::key_type(name));
    if ((value.type == AttributeType::kS || value.type == AttributeType::kB) && value.scalar.empty()) {
      return fail(errors::empty_key_string(name));
    }
  }
  for (const auto& [name, value] : condition.sort_prefix) {
    if (value.type != type_of(name)) return fail(errors::key_type(name));
  }
  if (condition.sort_op == KeyCondition::SortOp::kNone) return {};
  AttributeType type = type_of(condition.sort_key);
  bool between = condition.sort_op == KeyCondition::SortOp::kBetween;
  if (condition.sort_value.type != type || (between && condition.sort_value2.type != type)) {
    return fail(errors::key_type(condition.sort_key));
  }
  return {};
}

}  // namespace

namespace {

// A multi-attribute partition key: an equality on each of its attributes, taken out of `rest`.
std::optional<PartitionMatch> match_composite_partition(Conjuncts& rest, const KeySchema& key, KeyCondition& out) {
  std::vector<std::size_t> used;
  for (const KeyElement& element : key.partition_key) {
    auto it = std::find_if(rest.begin(), rest.end(), [&](auto node) { return equality_value(*node, element.name); });
    if (it == rest.end()) return std::nullopt;
    out.partition.emplace_back(element.name, *equality_value(**it, element.name));
    used.push_back(static_cast<std::size_t>(it - rest.begin()));
  }
  std::sort(used.rbegin(), used.rend());
  for (std::size_t i : used) rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
  return PartitionMatch{{}, 0, false, true};
}

// The item's full key when WHERE names exactly one item of the table: the partition key's equality,
// the sort key's, and nothing else but repeats of them (pk = 'a' AND sk = 0 AND pk = 'a').
std::optional<Item> full_key(const KeySchema& key, const PartitionMatch& match, const KeyCondition& shared,
                             const Conjuncts& rest) {
  if (key.partition_key.size() != 1 || !match.equality || !shared.sort_prefix.empty()) return std::nullopt;
  bool sort_equal = shared.sort_op == KeyCondition::SortOp::kEq;
  if (key.has_sort_key() ? !sort_equal : shared.sort_op != KeyCondition::SortOp::kNone) return std::nullopt;
  auto repeats_key = [&](const ConditionNode* node) {
    const AttributeValue* value = equality_value(*node, key.partition_attribute().name);
    if (value != nullptr) return *value == match.values.front();
    value = sort_equal ? equality_value(*node, shared.sort_key) : nullptr;
    return value != nullptr && *value == shared.sort_value;
  };
  if (!std::all_of(rest.begin(), rest.end(), repeats_key)) return std::nullopt;
  Item item{{key.partition_attribute().name, match.values.front()}};
  if (key.has_sort_key()) item.emplace(shared.sort_key, shared.sort_value);
  return item;
}

}  // namespace

Result<void> plan_query(const BoundSelect& select, const KeySchema& key,
                        const std::map<std::string, AttributeType>& keys, SelectPlan& plan) {
  const ConditionNode& root = select.where->root;
  Conjuncts rest = flatten(root, ConditionKind::kAnd);
  KeyCondition shared;
  std::optional<PartitionMatch> match = key.partition_key.size() == 1
                                            ? match_partition(rest, key.partition_attribute().name)
                                            : match_composite_partition(rest, key, shared);
  if (!match) {  // a Scan, filtered by the whole WHERE
    plan.filter = conjunction({&root});
    return check_condition_types(root, keys);
  }
  if (key.partition_key.size() == 1) rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(match->conjunct));
  match_sort_key(key, rest, shared);
  plan.query = true;
  if (key.partition_key.size() == 1) {
    for (const AttributeValue& value : match->values) {
      KeyCondition condition = shared;
      condition.partition = {{key.partition_attribute().name, value}};
      plan.key_conditions.push_back(std::move(condition));
    }
  } else {
    plan.key_conditions.push_back(shared);
  }
  for (const KeyCondition& condition : plan.key_conditions) {
    EDDY_TRY_VOID(check_key_condition_types(key, condition));
  }
  // The branches of an OR keep their own conditions: the whole WHERE filters what each partition returns.
  Conjuncts filter = match->branches ? Conjuncts{&root} : rest;
  for (const ConditionNode* node : filter) {
    EDDY_TRY_VOID(check_condition_types(*node, keys));
  }
  plan.filter = conjunction(filter);
  plan.key = full_key(key, *match, shared, rest);
  return {};
}

Result<SelectPlan> plan_select(const BoundSelect& select, const TableDefinition& table, StatementContext context) {
  SelectPlan plan;
  plan.table_name = table.name;
  const SecondaryIndex* index = nullptr;
  if (select.from.index) {
    index = table.find_index(*select.from.index);
    if (index == nullptr) return fail(errors::index_not_found(*select.from.index));
    plan.index_name = index->name;
    if (context == StatementContext::kTransaction) return fail(errors::transaction_read_index());
  }
  const KeySchema& key = index != nullptr ? index->key : table.key;
  auto keys = key_types(table, index);
  if (select.where) {
    EDDY_TRY_VOID(check_key_paths(select.where->root, keys));
    EDDY_TRY_VOID(plan_query(select, key, keys, plan));
  }
  EDDY_TRY_VOID(plan_order(select, key, plan));
  plan.all_attributes = select.all_attributes;
  plan.projection.paths = select.projection;
  if (index != nullptr) plan.key.reset();
  if (context == StatementContext::kTransaction && !plan.key) return fail(errors::transaction_read_key());
  if (context == StatementContext::kBatch && !plan.key) return fail(errors::batch_single_item_select());
  return plan;
}

}  // namespace eddy::partiql
