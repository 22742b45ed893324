// Reading resolved condition trees (expr/ast.h) the way the planner takes WHERE apart: its top-level
// conjuncts, equalities of an attribute with a value, sort-key terms, and the conjunction of what is
// left over.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/ast.h"
#include "expr/expression.h"
#include "model/attribute_value.h"

namespace eddy::partiql {

// The children of nested `kind` nodes (kAnd or kOr), left to right; `node` itself when it is none.
std::vector<const expr::ConditionNode*> flatten(const expr::ConditionNode& node, expr::ConditionKind kind);

// True when `operand` is the top-level attribute `name` (a path of one step).
bool is_attribute(const expr::Operand& operand, const std::string& name);

// For `name = value` or `value = name`: the value; nullptr otherwise.
const AttributeValue* equality_value(const expr::ConditionNode& node, const std::string& name);

// A condition on one sort-key attribute that a key condition can hold: = < <= > >= BETWEEN begins_with.
struct SortTerm {
  expr::KeyCondition::SortOp op = expr::KeyCondition::SortOp::kNone;
  AttributeValue value;
  AttributeValue value2;  // BETWEEN's upper bound
};
std::optional<SortTerm> sort_term(const expr::ConditionNode& node, const std::string& name);

// The attribute a simple condition is about: the root of its first path operand ("" when none).
std::string subject_attribute(const expr::ConditionNode& node);

// A Condition over the AND of `nodes` (copied), or an empty Condition when there are none.
expr::Condition conjunction(const std::vector<const expr::ConditionNode*>& nodes);

// A Condition over attribute_exists(name) AND the AND of `nodes`.
expr::Condition exists_and(const std::string& name, const std::vector<const expr::ConditionNode*>& nodes);

}  // namespace eddy::partiql
