// Update::apply: performs a resolved UpdateExpression on an item. Every SET value is computed
// from the item as it was before the update (so "SET a = b, b = a" swaps); then the SET
// assignments, the REMOVEs (list elements by their original positions), ADD and DELETE follow.
// The item is only replaced when every action succeeded.
#include <algorithm>
#include <map>

#include "expr/ast.h"
#include "expr/document_path.h"
#include "expr/value_rules.h"
#include "model/number.h"
#include "model/result.h"

namespace eddy::expr {
namespace {

constexpr const char* kInvalidPath = "The document path provided in the update expression is invalid for update";
constexpr const char* kWrongType = "An operand in the update expression has an incorrect data type";
constexpr const char* kMissing = "The provided expression refers to an attribute that does not exist in the item";

Result<AttributeValue> evaluate(const Operand& operand, const Item& item);

Result<AttributeValue> arithmetic(const Operand& op, const Item& item) {
  EDDY_TRY(AttributeValue left, evaluate(op.args[0], item));
  EDDY_TRY(AttributeValue right, evaluate(op.args[1], item));
  if (left.type != AttributeType::kN || right.type != AttributeType::kN) return validation_error(kWrongType);
  EDDY_TRY(Number a, Number::parse(left.scalar));
  EDDY_TRY(Number b, Number::parse(right.scalar));
  EDDY_TRY(Number sum, op.name == "+" ? a.add(b) : a.subtract(b));
  return AttributeValue::number(sum.to_string());
}

Result<AttributeValue> evaluate(const Operand& operand, const Item& item) {
  switch (operand.kind) {
    case OperandKind::kValue: return operand.value;
    case OperandKind::kPath: {
      const AttributeValue* found = find_path(item, operand.path);
      if (found == nullptr) return validation_error(kMissing);
      return *found;
    }
    case OperandKind::kArithmetic: return arithmetic(operand, item);
    case OperandKind::kFunction: break;
  }
  if (operand.name == "if_not_exists") {
    const AttributeValue* found = find_path(item, operand.args[0].path);
    if (found != nullptr) return *found;
    return evaluate(operand.args[1], item);
  }
  EDDY_TRY(AttributeValue first, evaluate(operand.args[0], item));  // list_append
  EDDY_TRY(AttributeValue second, evaluate(operand.args[1], item));
  if (first.type != AttributeType::kL || second.type != AttributeType::kL) return validation_error(kWrongType);
  first.list.insert(first.list.end(), second.list.begin(), second.list.end());
  return first;
}

// The container holding the last step of `path` (nullptr for a top-level attribute, set in
// `top_level` instead), or an error when the parent is missing or of the wrong type.
Result<AttributeValue*> parent_of(Item& item, const DocumentPath& path) {
  if (path.size() == 1) return nullptr;
  auto top = item.find(path[0].name);
  if (top == item.end()) return validation_error(kInvalidPath);
  AttributeValue* current = &top->second;
  for (std::size_t i = 1; i + 1 < path.size(); ++i) {
    const PathElement& step = path[i];
    if (step.index >= 0) {
      if (current->type != AttributeType::kL || static_cast<std::size_t>(step.index) >= current->list.size()) {
        return validation_error(kInvalidPath);
      }
      current = &current->list[step.index];
    } else {
      if (current->type != AttributeType::kM) return validation_error(kInvalidPath);
      auto member = current->map.find(step.name);
      if (member == current->map.end()) return validation_error(kInvalidPath);
      current = &member->second;
    }
  }
  const PathElement& last = path.back();
  AttributeType needed = last.index >= 0 ? AttributeType::kL : AttributeType::kM;
  if (current->type != needed) return validation_error(kInvalidPath);
  return current;
}

Result<void> assign(Item& item, const DocumentPath& path, AttributeValue value) {
  EDDY_TRY(AttributeValue * parent, parent_of(item, path));
  const PathElement& last = path.back();
  if (parent == nullptr) {
    item[last.name] = std::move(value);
  } else if (last.index >= 0) {
    AttributeList& list = parent->list;
    // An index past the end appends, as in DynamoDB.
    if (static_cast<std::size_t>(last.index) >= list.size()) list.push_back(std::move(value));
    else list[last.index] = std::move(value);
  } else {
    parent->map[last.name] = std::move(value);
  }
  return {};
}

// The map or list that holds the last element of `path`, for REMOVE: nullopt when a step of the
// path is missing (DynamoDB removes nothing, silently); a step of the wrong type is an invalid path.
Result<std::optional<AttributeValue*>> removal_parent(Item& item, const DocumentPath& path) {
  if (path.size() == 1) return std::optional<AttributeValue*>(nullptr);
  auto top = item.find(path[0].name);
  if (top == item.end()) return std::optional<AttributeValue*>();
  AttributeValue* current = &top->second;
  for (std::size_t i = 1; i + 1 < path.size(); ++i) {
    const PathElement& step = path[i];
    if (current->type != (step.index >= 0 ? AttributeType::kL : AttributeType::kM)) {
      return validation_error(kInvalidPath);
    }
    if (step.index >= 0) {
      if (static_cast<std::size_t>(step.index) >= current->list.size()) return std::optional<AttributeValue*>();
      current = &current->list[step.index];
    } else {
      auto member = current->map.find(step.name);
      if (member == current->map.end()) return std::optional<AttributeValue*>();
      current = &member->second;
    }
  }
  AttributeType needed = path.back().index >= 0 ? AttributeType::kL : AttributeType::kM;
  if (current->type != needed) return validation_error(kInvalidPath);
  return std::optional<AttributeValue*>(current);
}

// Removes the REMOVE paths; list elements are removed by their original indexes.
Result<void> remove_paths(Item& item, const std::vector<const DocumentPath*>& paths) {
  std::map<AttributeValue*, std::vector<int>> list_removals;
  for (const DocumentPath* path : paths) {
    EDDY_TRY(std::optional<AttributeValue*> found, removal_parent(item, *path));
    if (!found) continue;
    AttributeValue* parent = *found;
    const PathElement& last = path->back();
    if (parent == nullptr) item.erase(last.name);
    else if (last.index >= 0) list_removals[parent].push_back(last.index);
    else parent->map.erase(last.name);
  }
  for (auto& [list, indexes] : list_removals) {
    std::sort(indexes.rbegin(), indexes.rend());
    for (int index : indexes) {
      if (static_cast<std::size_t>(index) < list->list.size()) list->list.erase(list->list.begin() + index);
    }
  }
  return {};
}

bool same_member(AttributeType set_type, const std::string& a, const std::string& b) {
  if (set_type != AttributeType::kNS) return a == b;
  return compare_ordered(AttributeValue::number(a), AttributeValue::number(b)) == 0;
}

bool has_member(const AttributeValue& set, const std::string& member) {
  for (const std::string& existing : set.set) {
    if (same_member(set.type, existing, member)) return true;
  }
  return false;
}

Result<void> add(Item& item, const DocumentPath& path, const AttributeValue& value) {
  const AttributeValue* existing = find_path(item, path);
  if (existing == nullptr) return assign(item, path, value);
  AttributeValue updated = *existing;
  if (value.type == AttributeType::kN && updated.type == AttributeType::kN) {
    EDDY_TRY(Number a, Number::parse(updated.scalar));
    EDDY_TRY(Number b, Number::parse(value.scalar));
    EDDY_TRY(Number sum, a.add(b));
    updated.scalar = sum.to_string();
  } else if (is_set_type(value.type) && updated.type == value.type) {
    for (const std::string& member : value.set) {
      if (!has_member(updated, member)) updated.set.push_back(member);
    }
  } else {
    return validation_error(kWrongType);
  }
  return assign(item, path, std::move(updated));
}

Result<void> remove_from_set(Item& item, const DocumentPath& path, const AttributeValue& value) {
  const AttributeValue* existing = find_path(item, path);
  if (existing == nullptr) {
    // Nothing to delete from, but the enclosing map or list must still exist.
    EDDY_TRY_VOID(parent_of(item, path));
    return {};
  }
  if (existing->type != value.type) return validation_error(kWrongType);
  AttributeValue updated = *existing;
  std::erase_if(updated.set, [&](const std::string& member) { return has_member(value, member); });
  // An emptied set disappears: DynamoDB has no empty sets.
  if (updated.set.empty()) return remove_paths(item, {&path});
  return assign(item, path, std::move(updated));
}

}  // namespace

Result<void> Update::apply(Item& item) const {
  if (tree_ == nullptr) return {};
  Item result = item;
  // DynamoDB checks that every target's enclosing map or list exists before it reads any
  // operand (a REMOVE's may be missing: it removes nothing); paths never overlap, so no action can
  // create another's parent.
  for (const UpdateAction& action : tree_->actions) {
    if (action.clause == UpdateClause::kRemove) {
      EDDY_TRY_VOID(removal_parent(result, action.path.path));
    } else {
      EDDY_TRY_VOID(parent_of(result, action.path.path));
    }
  }
  std::vector<AttributeValue> set_values;
  for (const UpdateAction& action : tree_->actions) {
    if (action.clause != UpdateClause::kSet) continue;
    EDDY_TRY(AttributeValue value, evaluate(action.value, item));
    set_values.push_back(std::move(value));
  }
  std::size_t next_value = 0;
  std::vector<const DocumentPath*> removals;
  for (const UpdateAction& action : tree_->actions) {
    if (action.clause == UpdateClause::kSet) {
      EDDY_TRY_VOID(assign(result, action.path.path, std::move(set_values[next_value++])));
    } else if (action.clause == UpdateClause::kRemove) {
      removals.push_back(&action.path.path);
    }
  }
  EDDY_TRY_VOID(remove_paths(result, removals));
  for (const UpdateAction& action : tree_->actions) {
    if (action.clause == UpdateClause::kAdd) EDDY_TRY_VOID(add(result, action.path.path, action.value.value));
    if (action.clause == UpdateClause::kDelete) {
      EDDY_TRY_VOID(remove_from_set(result, action.path.path, action.value.value));
    }
  }
  item = std::move(result);
  return {};
}

}  // namespace eddy::expr
