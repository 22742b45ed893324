// Translation of the legacy parameters into expression trees (see legacy.h), with the checks
// DynamoDB makes on them, in its order.
#include "expr/legacy.h"

#include <array>

#include "expr/ast.h"
#include "expr/condition.h"
#include "expr/value_rules.h"
#include "model/errors.h"
#include "model/result.h"

namespace eddy::expr {
namespace {

struct OperatorInfo {
  LegacyOperator op;
  const char* name;
  int min_args;
  int max_args;
};

constexpr std::array<OperatorInfo, 13> kOperators = {{
    {LegacyOperator::kEq, "EQ", 1, 1},
    {LegacyOperator::kNe, "NE", 1, 1},
    {LegacyOperator::kLe, "LE", 1, 1},
    {LegacyOperator::kLt, "LT", 1, 1},
    {LegacyOperator::kGe, "GE", 1, 1},
    {LegacyOperator::kGt, "GT", 1, 1},
    {LegacyOperator::kNotNull, "NOT_NULL", 0, 0},
    {LegacyOperator::kNull, "NULL", 0, 0},
    {LegacyOperator::kContains, "CONTAINS", 1, 1},
    {LegacyOperator::kNotContains, "NOT_CONTAINS", 1, 1},
    {LegacyOperator::kBeginsWith, "BEGINS_WITH", 1, 1},
    {LegacyOperator::kIn, "IN", 1, 1 << 30},
    {LegacyOperator::kBetween, "BETWEEN", 2, 2},
}};

const OperatorInfo& info(LegacyOperator op) { return kOperators[static_cast<std::size_t>(op)]; }

bool type_allowed(LegacyOperator op, AttributeType type) {
  switch (op) {
    case LegacyOperator::kEq:
    case LegacyOperator::kNe: return true;
    case LegacyOperator::kBeginsWith: return type == AttributeType::kS || type == AttributeType::kB;
    default: return is_ordered_type(type);
  }
}

Operand path_operand(const std::string& attribute) {
  Operand operand;
  operand.kind = OperandKind::kPath;
  operand.path.push_back(PathElement{attribute, -1});
  return operand;
}

Operand value_operand(const AttributeValue& value) {
  Operand operand;
  operand.kind = OperandKind::kValue;
  operand.value = value;
  return operand;
}

ConditionNode function_node(const char* function, std::vector<Operand> operands) {
  ConditionNode node;
  node.kind = ConditionKind::kFunction;
  node.function = function;
  node.operands = std::move(operands);
  return node;
}

ConditionNode comparison(Comparator comparator, const std::string& attribute, const AttributeValue& value) {
  ConditionNode node;
  node.kind = ConditionKind::kComparison;
  node.comparator = comparator;
  node.operands = {path_operand(attribute), value_operand(value)};
  return node;
}

ConditionNode join(ConditionKind kind, ConditionNode left, ConditionNode right) {
  ConditionNode node;
  node.kind = kind;
  node.children.push_back(std::move(left));
  node.children.push_back(std::move(right));
  return node;
}

// Checks one ComparisonOperator with its AttributeValueList (or Value).
Result<void> check_operator(LegacyOperator op, const std::vector<AttributeValue>& values) {
  const OperatorInfo& i = info(op);
  int count = static_cast<int>(values.size());
  if (count < i.min_args || count > i.max_args) {
    return fail(errors::invalid_parameter(std::string("Invalid number of argument(s) for the ") + i.name +
                                          " ComparisonOperator"));
  }
  for (const AttributeValue& value : values) {
    if (!type_allowed(op, value.type)) {
      return fail(errors::invalid_parameter(std::string("ComparisonOperator ") + i.name + " is not valid for " +
                                            type_name(value.type) + " AttributeValue type"));
    }
  }
  for (const AttributeValue& value : values) {
    if (value.type != values[0].type) {
      return fail(errors::invalid_parameter("AttributeValues inside AttributeValueList must be of same type"));
    }
  }
  if (op == LegacyOperator::kBetween && compare_ordered(values[0], values[1]) > 0) {
    return validation_error(
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
  }
  return {};
}

ConditionNode operator_node(LegacyOperator op, const std::string& a, const std::vector<AttributeValue>& values) {
  switch (op) {
    case LegacyOperator::kEq: return comparison(Comparator::kEq, a, values[0]);
    case LegacyOperator::kNe: return comparison(Comparator::kNe, a, values[0]);
    case LegacyOperator::kLe: return comparison(Comparator::kLe, a, values[0]);
    case LegacyOperator::kLt: return comparison(Comparator::kLt, a, values[0]);
    case LegacyOperator::kGe: return comparison(Comparator::kGe, a, values[0]);
    case LegacyOperator::kGt: return comparison(Comparator::kGt, a, values[0]);
    case LegacyOperator::kNotNull: return function_node("attribute_exists", {path_operand(a)});
    case LegacyOperator::kNull: return function_node("attribute_not_exists", {path_operand(a)});
    case LegacyOperator::kContains: return function_node("contains", {path_operand(a), value_operand(values[0])});
    case LegacyOperator::kNotContains: {
      // NOT_CONTAINS is false for a missing attribute.
      ConditionNode negated;
      negated.kind = ConditionKind::kNot;
      negated.children.push_back(function_node("contains", {path_operand(a), value_operand(values[0])}));
      return join(ConditionKind::kAnd, function_node("attribute_exists", {path_operand(a)}), std::move(negated));
    }
    case LegacyOperator::kBeginsWith: return function_node("begins_with", {path_operand(a), value_operand(values[0])});
    case LegacyOperator::kIn: {
      ConditionNode node;
      node.kind = ConditionKind::kIn;
      node.operands.push_back(path_operand(a));
      for (const AttributeValue& value : values) node.operands.push_back(value_operand(value));
      return node;
    }
    case LegacyOperator::kBetween: {
      ConditionNode node;
      node.kind = ConditionKind::kBetween;
      node.operands = {path_operand(a), value_operand(values[0]), value_operand(values[1])};
      return node;
    }
  }
  return ConditionNode{};
}

// One Expected entry: Value/Exists or ComparisonOperator/AttributeValueList.
Result<ConditionNode> expected_node(const LegacyCondition& c) {
  const std::string for_attribute = " for Attribute: " + c.attribute;
  if (c.value && c.has_value_list) {
    return fail(errors::invalid_parameter("Value and AttributeValueList cannot be used together" + for_attribute));
  }
  if (c.exists && c.op) {
    return fail(errors::invalid_parameter("Exists and ComparisonOperator cannot be used together" + for_attribute));
  }
  if (c.op) {
    std::vector<AttributeValue> values = c.value ? std::vector<AttributeValue>{*c.value} : c.values;
    EDDY_TRY_VOID(check_operator(*c.op, values));
    return operator_node(*c.op, c.attribute, values);
  }
  if (c.has_value_list) {
    return fail(
        errors::invalid_parameter("AttributeValueList can only be used with a ComparisonOperator" + for_attribute));
  }
  if (c.exists == false) {
    if (c.value) return fail(errors::invalid_parameter("Value cannot be used when Exists is false" + for_attribute));
    return function_node("attribute_not_exists", {path_operand(c.attribute)});
  }
  if (!c.value) {
    return fail(errors::invalid_parameter(std::string("Value must be provided when Exists is ") +
                                          (c.exists ? "true" : "null") + for_attribute));
  }
  return comparison(Comparator::kEq, c.attribute, *c.value);
}

// One QueryFilter / ScanFilter / KeyConditions entry: ComparisonOperator and AttributeValueList.
Result<ConditionNode> filter_node(const LegacyCondition& c) {
  if (!c.op) return fail(errors::unknown_comparison_operator());
  EDDY_TRY_VOID(check_operator(*c.op, c.values));
  return operator_node(*c.op, c.attribute, c.values);
}

}  // namespace

Result<Condition> legacy_condition(const std::vector<LegacyCondition>& conditions, bool use_or, bool expected) {
  std::optional<ConditionNode> root;
  for (const LegacyCondition& c : conditions) {
    EDDY_TRY(ConditionNode node, expected ? expected_node(c) : filter_node(c));
    root = root ? join(use_or ? ConditionKind::kOr : ConditionKind::kAnd, std::move(*root), std::move(node))
                : std::move(node);
  }
  if (!root) return Condition();
  ConditionTree tree;
  tree.root = std::move(*root);
  return condition_from_tree(std::move(tree));
}

Result<Condition> legacy_filter(const std::vector<LegacyCondition>& conditions, bool use_or,
                                const std::vector<std::string>& key_attribute_names) {
  for (const LegacyCondition& c : conditions) {
    for (const std::string& key : key_attribute_names) {
      if (c.attribute == key) {
        return validation_error("QueryFilter can only contain non-primary key attributes: Primary key attribute: " +
                                key);
      }
    }
  }
  return legacy_condition(conditions, use_or, false);
}

Result<Projection> legacy_projection(const std::vector<std::string>& attributes_to_get) {
  Projection projection;
  for (std::size_t i = 0; i < attributes_to_get.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (attributes_to_get[i] == attributes_to_get[j]) {
        return fail(errors::invalid_parameter("Duplicate value in attribute name: " + attributes_to_get[i]));
      }
    }
    projection.paths.push_back(DocumentPath{PathElement{attributes_to_get[i], -1}});
  }
  return projection;
}

}  // namespace eddy::expr
