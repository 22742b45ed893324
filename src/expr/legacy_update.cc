// AttributeUpdates and KeyConditions translated into an Update and a KeyCondition (see legacy.h).
#include <algorithm>

#include "expr/ast.h"
#include "expr/legacy.h"
#include "expr/value_rules.h"
#include "model/errors.h"
#include "model/result.h"

namespace eddy::expr {
namespace {

Operand path_of(const std::string& attribute) {
  Operand operand;
  operand.kind = OperandKind::kPath;
  operand.path.push_back(PathElement{attribute, -1});
  return operand;
}

Operand value_of(AttributeValue value) {
  Operand operand;
  operand.kind = OperandKind::kValue;
  operand.value = std::move(value);
  return operand;
}

Operand call(const char* function, Operand a, Operand b) {
  Operand operand;
  operand.kind = OperandKind::kFunction;
  operand.name = function;
  operand.args.push_back(std::move(a));
  operand.args.push_back(std::move(b));
  return operand;
}

Result<UpdateAction> action_for(const LegacyAttributeUpdate& update) {
  using Action = LegacyAttributeUpdate::Action;
  UpdateAction action;
  action.path = path_of(update.attribute);
  if (!update.value) {
    if (update.action != Action::kDelete) {
      return fail(errors::invalid_parameter("Only DELETE action is allowed when no attribute value is specified"));
    }
    action.clause = UpdateClause::kRemove;
    return action;
  }
  AttributeType type = update.value->type;
  switch (update.action) {
    case Action::kPut:
      action.clause = UpdateClause::kSet;
      action.value = value_of(*update.value);
      return action;
    case Action::kDelete:
      if (!is_set_type(type)) {
        return fail(errors::invalid_parameter(std::string("DELETE action with value is not supported for the type ") +
                                              update_operand_type_name(type)));
      }
      action.clause = UpdateClause::kDelete;
      action.value = value_of(*update.value);
      return action;
    case Action::kAdd:
      if (type == AttributeType::kL) {
        // ADD of a list appends to the existing list (or starts one).
        AttributeValue empty;
        empty.type = AttributeType::kL;
        action.clause = UpdateClause::kSet;
        action.value = call("list_append", call("if_not_exists", path_of(update.attribute), value_of(empty)),
                            value_of(*update.value));
        return action;
      }
      if (type != AttributeType::kN && !is_set_type(type)) {
        return fail(errors::invalid_parameter(std::string("ADD action is not supported for the type ") +
                                              update_operand_type_name(type)));
      }
      action.clause = UpdateClause::kAdd;
      action.value = value_of(*update.value);
      return action;
  }
  return action;
}

bool contains_name(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

KeyCondition::SortOp sort_op_of(LegacyOperator op) {
  switch (op) {
    case LegacyOperator::kEq: return KeyCondition::SortOp::kEq;
    case LegacyOperator::kLt: return KeyCondition::SortOp::kLt;
    case LegacyOperator::kLe: return KeyCondition::SortOp::kLe;
    case LegacyOperator::kGt: return KeyCondition::SortOp::kGt;
    case LegacyOperator::kGe: return KeyCondition::SortOp::kGe;
    case LegacyOperator::kBetween: return KeyCondition::SortOp::kBetween;
    case LegacyOperator::kBeginsWith: return KeyCondition::SortOp::kBeginsWith;
    default: return KeyCondition::SortOp::kNone;
  }
}

}  // namespace

Result<Update> legacy_update(const std::vector<LegacyAttributeUpdate>& updates,
                             const std::vector<std::string>& key_attribute_names) {
  auto tree = std::make_shared<UpdateTree>();
  for (const LegacyAttributeUpdate& update : updates) {
    if (contains_name(key_attribute_names, update.attribute)) {
      return fail(errors::key_attribute_updated(update.attribute));
    }
    EDDY_TRY(UpdateAction action, action_for(update));
    tree->actions.push_back(std::move(action));
  }
  return Update(std::move(tree));
}

Result<KeyCondition> legacy_key_condition(const std::vector<LegacyCondition>& conditions,
                                          const std::vector<std::string>& partition_key_names,
                                          const std::vector<std::string>& sort_key_names) {
  if (conditions.empty()) return validation_error("Conditions must be at least length 1");
  std::size_t most = std::max<std::size_t>(2, partition_key_names.size() + sort_key_names.size());
  if (conditions.size() > most) return validation_error("Conditions can be of length 1 or 2 only");
  // The operator checks are the filters' (argument counts, types, BETWEEN order).
  for (const LegacyCondition& c : conditions) {
    EDDY_TRY_VOID(legacy_condition({c}, false, false));
  }
  KeyCondition out;
  for (const std::string& name : partition_key_names) {
    auto c = std::find_if(conditions.begin(), conditions.end(), [&](const auto& x) { return x.attribute == name; });
    if (c == conditions.end()) {
      ApiError missed = errors::key_condition_missed_key();
      missed.message += ": " + name;  // "Query condition missed key schema element: pk"
      return fail(std::move(missed));
    }
    if (*c->op != LegacyOperator::kEq) return fail(errors::key_condition_not_supported());
    out.partition.emplace_back(name, c->values[0]);
  }
  for (const LegacyCondition& c : conditions) {
    if (contains_name(partition_key_names, c.attribute)) continue;
    if (!contains_name(sort_key_names, c.attribute)) return fail(errors::key_condition_not_supported());
    if (*c.op == LegacyOperator::kNull || *c.op == LegacyOperator::kNotNull) {
      return validation_error("Only scalar types can be used as Range Key values");
    }
    KeyCondition::SortOp op = sort_op_of(*c.op);
    if (op == KeyCondition::SortOp::kNone) {
      return validation_error("Attempted conditional constraint is not an indexable operation");
    }
    out.sort_key = c.attribute;
    out.sort_op = op;
    out.sort_value = c.values[0];
    if (op == KeyCondition::SortOp::kBetween) out.sort_value2 = c.values[1];
  }
  return out;
}

}  // namespace eddy::expr
