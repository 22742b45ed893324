// Text-only checks on parsed trees (see checks.h), in DynamoDB's order.
#include "expr/checks.h"

#include <cstdint>

#include "expr/functions.h"
#include "expr/reserved_words.h"

namespace eddy::expr {
namespace {

enum class Grammar { kCondition, kUpdate };

std::optional<std::string> check_path(const Operand& path) {
  for (const RawPathElement& element : path.raw_path) {
    if (element.index >= 0) {
      if (element.index > INT32_MAX) {
        return "List index is not within the allowable range; index: [" + element.name + "]";
      }
    } else if (element.name[0] != '#' && is_reserved_word(element.name)) {
      return "Attribute name is a reserved keyword; reserved keyword: " + element.name;
    }
  }
  return std::nullopt;
}

// Whether `name` may stand where an operand is expected, with DynamoDB's complaint if not.
std::optional<std::string> check_operand_function(const std::string& name, Grammar grammar) {
  const FunctionInfo* info = find_function(name);
  if (info == nullptr) return "Invalid function name; function: " + name;
  if (grammar == Grammar::kUpdate) {
    if (info->role != FunctionRole::kUpdateOperand) {
      return "The function is not allowed in an update expression; function: " + name;
    }
    return std::nullopt;
  }
  if (info->role == FunctionRole::kUpdateOperand) {
    return "The function is not allowed in a condition expression; function: " + name;
  }
  if (info->role != FunctionRole::kConditionOperand) {
    return "The function is not allowed to be used this way in an expression; function: " + name;
  }
  return std::nullopt;
}

std::optional<std::string> check_operand(const Operand& operand, Grammar grammar) {
  switch (operand.kind) {
    case OperandKind::kPath: return check_path(operand);
    case OperandKind::kValue: return std::nullopt;
    case OperandKind::kFunction:
      if (auto problem = check_operand_function(operand.name, grammar)) return problem;
      break;
    case OperandKind::kArithmetic: break;
  }
  for (const Operand& arg : operand.args) {
    if (auto problem = check_operand(arg, grammar)) return problem;
  }
  return std::nullopt;
}

std::optional<std::string> check_node(const ConditionNode& node) {
  if (node.kind == ConditionKind::kFunction) {
    const FunctionInfo* info = find_function(node.function);
    if (info == nullptr) return "Invalid function name; function: " + node.function;
    if (info->role == FunctionRole::kUpdateOperand) {
      return "The function is not allowed in a condition expression; function: " + node.function;
    }
    if (info->role != FunctionRole::kCondition) {
      return "The function is not allowed to be used this way in an expression; function: " + node.function;
    }
  }
  for (const ConditionNode& child : node.children) {
    if (auto problem = check_node(child)) return problem;
  }
  for (const Operand& operand : node.operands) {
    if (auto problem = check_operand(operand, Grammar::kCondition)) return problem;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_condition_text(const ConditionTree& tree) { return check_node(tree.root); }

std::optional<std::string> check_update_text(const UpdateTree& tree) {
  for (const UpdateAction& action : tree.actions) {
    if (auto problem = check_path(action.path)) return problem;
    if (action.clause == UpdateClause::kRemove) continue;
    if (auto problem = check_operand(action.value, Grammar::kUpdate)) return problem;
  }
  return std::nullopt;
}

std::optional<std::string> check_projection_text(const ProjectionTree& tree) {
  for (const Operand& path : tree.paths) {
    if (auto problem = check_path(path)) return problem;
  }
  return std::nullopt;
}

}  // namespace eddy::expr
