// The per-request stage: replaces #name and :value placeholders in a copy of a parsed tree,
// records which placeholders were used, and makes the checks that need the values (operand
// types, arity, BETWEEN bounds, distinct operands, path depth). It walks the tree in post-order,
// which is the order in which DynamoDB reports these problems.
#pragma once

#include <optional>
#include <string>

#include "expr/ast.h"
#include "expr/expression.h"

namespace eddy::expr {

// Each returns the first problem as a message without the "Invalid XExpression: " prefix.
std::optional<std::string> resolve_condition(ConditionTree& tree, ExpressionAttributes& attrs);
// Updates resolve in two calls with the overlap check between them, as DynamoDB orders its
// checks: resolve_update resolves the target paths; resolve_update_values the value operands.
std::optional<std::string> resolve_update(UpdateTree& tree, ExpressionAttributes& attrs);
std::optional<std::string> resolve_update_values(UpdateTree& tree, ExpressionAttributes& attrs);
std::optional<std::string> resolve_projection(ProjectionTree& tree, ExpressionAttributes& attrs);

// The deepest document path DynamoDB accepts.
inline constexpr std::size_t kMaxPathDepth = 32;
// The most operands IN accepts after its first.
inline constexpr std::size_t kMaxInOperands = 100;

}  // namespace eddy::expr
