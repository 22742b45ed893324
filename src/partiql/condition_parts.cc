// Reading resolved condition trees (see condition_parts.h).
#include "partiql/condition_parts.h"

#include "expr/condition.h"

namespace eddy::partiql {

using expr::ConditionKind;
using expr::ConditionNode;
using expr::Operand;
using expr::OperandKind;
using SortOp = expr::KeyCondition::SortOp;

namespace {

void collect(const ConditionNode& node, ConditionKind kind, std::vector<const ConditionNode*>& out) {
  if (node.kind != kind) {
    out.push_back(&node);
    return;
  }
  for (const ConditionNode& child : node.children) collect(child, kind, out);
}

SortOp sort_op(expr::Comparator comparator, bool attribute_on_right) {
  switch (comparator) {
    case expr::Comparator::kEq: return SortOp::kEq;
    case expr::Comparator::kLt: return attribute_on_right ? SortOp::kGt : SortOp::kLt;
    case expr::Comparator::kLe: return attribute_on_right ? SortOp::kGe : SortOp::kLe;
    case expr::Comparator::kGt: return attribute_on_right ? SortOp::kLt : SortOp::kGt;
    case expr::Comparator::kGe: return attribute_on_right ? SortOp::kLe : SortOp::kGe;
    case expr::Comparator::kNe: break;
  }
  return SortOp::kNone;
}

ConditionNode and_of(std::vector<ConditionNode> nodes) {
  ConditionNode out = std::move(nodes.front());
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    ConditionNode both;
    both.kind = ConditionKind::kAnd;
    both.children.push_back(std::move(out));
    both.children.push_back(std::move(nodes[i]));
    out = std::move(both);
  }
  return out;
}

}  // namespace

std::vector<const ConditionNode*> flatten(const ConditionNode& node, ConditionKind kind) {
  std::vector<const ConditionNode*> out;
  collect(node, kind, out);
  return out;
}

bool is_attribute(const Operand& operand, const std::string& name) {
  return operand.kind == OperandKind::kPath && operand.path.size() == 1 && operand.path[0].index < 0 &&
         operand.path[0].name == name;
}

const AttributeValue* equality_value(const ConditionNode& node, const std::string& name) {
  if (node.kind != ConditionKind::kComparison || node.comparator != expr::Comparator::kEq) return nullptr;
  const Operand& left = node.operands[0];
  const Operand& right = node.operands[1];
  if (is_attribute(left, name) && right.kind == OperandKind::kValue) return &right.value;
  if (is_attribute(right, name) && left.kind == OperandKind::kValue) return &left.value;
  return nullptr;
}

std::optional<SortTerm> sort_term(const ConditionNode& node, const std::string& name) {
  const auto& ops = node.operands;
  if (node.kind == ConditionKind::kComparison) {
    bool right = is_attribute(ops[1], name) && ops[0].kind == OperandKind::kValue;
    bool left = is_attribute(ops[0], name) && ops[1].kind == OperandKind::kValue;
    if (!left && !right) return std::nullopt;
    SortOp op = sort_op(node.comparator, right);
    if (op == SortOp::kNone) return std::nullopt;
    return SortTerm{op, right ? ops[0].value : ops[1].value, {}};
  }
  if (node.kind == ConditionKind::kBetween && is_attribute(ops[0], name) && ops[1].kind == OperandKind::kValue &&
      ops[2].kind == OperandKind::kValue) {
    return SortTerm{SortOp::kBetween, ops[1].value, ops[2].value};
  }
  if (node.kind == ConditionKind::kFunction && node.function == "begins_with" && is_attribute(ops[0], name) &&
      ops[1].kind == OperandKind::kValue) {
    return SortTerm{SortOp::kBeginsWith, ops[1].value, {}};
  }
  return std::nullopt;
}

std::string subject_attribute(const ConditionNode& node) {
  for (const Operand& operand : node.operands) {
    if (operand.kind == OperandKind::kPath) return operand.path[0].name;
    if (operand.kind == OperandKind::kFunction) {  // size(a) = 1
      for (const Operand& arg : operand.args) {
        if (arg.kind == OperandKind::kPath) return arg.path[0].name;
      }
    }
  }
  return "";
}

expr::Condition conjunction(const std::vector<const ConditionNode*>& nodes) {
  if (nodes.empty()) return expr::Condition();
  std::vector<ConditionNode> copies;
  copies.reserve(nodes.size());
  for (const ConditionNode* node : nodes) copies.push_back(*node);
  return expr::condition_from_tree(expr::ConditionTree{and_of(std::move(copies))});
}

expr::Condition exists_and(const std::string& name, const std::vector<const ConditionNode*>& nodes) {
  ConditionNode exists;
  exists.kind = ConditionKind::kFunction;
  exists.function = "attribute_exists";
  Operand path;
  path.kind = OperandKind::kPath;
  path.path = expr::DocumentPath{expr::PathElement{name, -1}};
  exists.operands.push_back(std::move(path));
  std::vector<ConditionNode> copies{std::move(exists)};
  for (const ConditionNode* node : nodes) copies.push_back(*node);
  return expr::condition_from_tree(expr::ConditionTree{and_of(std::move(copies))});
}

}  // namespace eddy::partiql
