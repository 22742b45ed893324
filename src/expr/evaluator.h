// Evaluation of resolved condition trees and operands against an item.
#pragma once

#include <optional>

#include "expr/ast.h"
#include "model/attribute_value.h"

namespace eddy::expr {

// An operand's value for one item: a pointer into the item or the tree, or a computed value
// (size). `value` is nullptr when the operand refers to a missing attribute.
struct OperandValue {
  const AttributeValue* value = nullptr;
  AttributeValue computed;
};

// Reads a condition operand (path, value or size()).
void evaluate_condition_operand(const Operand& operand, const Item& item, OperandValue& out);

bool evaluate_node(const ConditionNode& node, const Item& item);

// size() of a value as DynamoDB counts it, or nullopt for types that have no size (N, BOOL, NULL).
// Strings count UTF-16 code units, binaries bytes, sets/lists/maps their members.
std::optional<std::size_t> value_size(const AttributeValue& value);

}  // namespace eddy::expr
