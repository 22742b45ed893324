// Placeholder resolution and value-dependent checks (see resolver.h).
#include "expr/resolver.h"

#include "expr/document_path.h"
#include "expr/functions.h"
#include "expr/value_rules.h"

namespace eddy::expr {
namespace {

using Problem = std::optional<std::string>;

std::string operand_type_problem(const std::string& function, AttributeType type) {
  return "Incorrect operand type for operator or function; operator or function: " + function +
         ", operand type: " + type_name(type);
}

// The type an operand is known to have before any item is seen, if any.
std::optional<AttributeType> static_type(const Operand& operand) {
  if (operand.kind == OperandKind::kValue) return operand.value.type;
  if (operand.kind == OperandKind::kArithmetic) return AttributeType::kN;
  if (operand.kind == OperandKind::kFunction) {
    if (operand.name == "size") return AttributeType::kN;
    if (operand.name == "list_append") return AttributeType::kL;
  }
  return std::nullopt;
}

// Conditions resolve and check in one post-order walk. Updates run the stages apart, in
// DynamoDB's order: placeholders of values, then operand checks, then names inside values.
enum class Stage { kAll, kValues, kChecks, kNames };

class Resolver {
 public:
  explicit Resolver(ExpressionAttributes& attrs, Stage stage = Stage::kAll) : attrs_(attrs), stage_(stage) {}

  bool resolving_names() const { return stage_ == Stage::kAll || stage_ == Stage::kNames; }
  bool resolving_values() const { return stage_ == Stage::kAll || stage_ == Stage::kValues; }
  bool checking() const { return stage_ == Stage::kAll || stage_ == Stage::kChecks; }

  Problem path(Operand& operand) {
    if (!resolving_names()) return std::nullopt;
    operand.path.clear();
    operand.path.reserve(operand.raw_path.size());
    for (const RawPathElement& raw : operand.raw_path) {
      PathElement element;
      if (raw.index >= 0) {
        element.index = static_cast<int>(raw.index);
      } else if (raw.name[0] == '#') {
        const auto* names = attrs_.names();
        auto found = names ? names->find(raw.name) : decltype(names->end()){};
        if (names == nullptr || found == names->end()) {
          return "An expression attribute name used in the document path is not defined; attribute name: " + raw.name;
        }
        attrs_.used_names().insert(raw.name);
        element.name = found->second;
      } else {
        element.name = raw.name;
      }
      operand.path.push_back(std::move(element));
    }
    if (operand.path.size() > kMaxPathDepth) {
      return "The document path has too many nesting levels; nesting levels: " + std::to_string(operand.path.size());
    }
    return std::nullopt;
  }

  Problem value(Operand& operand) {
    if (!resolving_values()) return std::nullopt;
    const AttributeMap* values = attrs_.values();
    auto found = values ? values->find(operand.placeholder) : AttributeMap::const_iterator{};
    if (values == nullptr || found == values->end()) {
      return "An expression attribute value used in expression is not defined; attribute value: " + operand.placeholder;
    }
    attrs_.used_values().insert(operand.placeholder);
    operand.value = found->second;
    return std::nullopt;
  }

  Problem operand(Operand& operand) {
    switch (operand.kind) {
      case OperandKind::kPath: return path(operand);
      case OperandKind::kValue: return value(operand);
      case OperandKind::kFunction: return function_operand(operand);
      case OperandKind::kArithmetic: return arithmetic(operand);
    }
    return std::nullopt;
  }

  Problem args(std::vector<Operand>& operands) {
    for (Operand& arg : operands) {
      if (auto problem = operand(arg)) return problem;
    }
    return std::nullopt;
  }

  Problem arity(const std::string& function, std::size_t count) {
    const FunctionInfo* info = find_function(function);
    if (info != nullptr && static_cast<std::size_t>(info->arity) != count) {
      return "Incorrect number of operands for operator or function; operator or function: " + function +
             ", number of operands: " + std::to_string(count);
    }
    return std::nullopt;
  }

  Problem function_operand(Operand& fn) {
    if (auto problem = args(fn.args)) return problem;
    if (!checking()) return std::nullopt;
    if (auto problem = arity(fn.name, fn.args.size())) return problem;
    if (fn.name == "size") {
      auto type = static_type(fn.args[0]);
      if (type && (*type == AttributeType::kN || *type == AttributeType::kBool || *type == AttributeType::kNull)) {
        return operand_type_problem("size", *type);
      }
    } else if (fn.name == "if_not_exists") {
      if (fn.args[0].kind != OperandKind::kPath) {
        return "Operator or function requires a document path; operator or function: if_not_exists";
      }
    } else if (fn.name == "list_append") {
      for (const Operand& arg : fn.args) {
        auto type = static_type(arg);
        if (type && *type != AttributeType::kL) return operand_type_problem("list_append", *type);
      }
    }
    return std::nullopt;
  }

  Problem arithmetic(Operand& op) {
    if (auto problem = args(op.args)) return problem;
    if (!checking()) return std::nullopt;
    for (const Operand& arg : op.args) {
      auto type = static_type(arg);
      if (type && *type != AttributeType::kN) return operand_type_problem(op.name, *type);
    }
    return std::nullopt;
  }

 private:
  ExpressionAttributes& attrs_;
  Stage stage_;
};

// DynamoDB refuses a condition whose first operand is a path repeated among the others.
Problem distinct_operands(const std::string& op, const std::vector<Operand>& operands) {
  const Operand& first = operands[0];
  if (first.kind != OperandKind::kPath) return std::nullopt;
  for (std::size_t i = 1; i < operands.size(); ++i) {
    if (operands[i].kind == OperandKind::kPath && same_path(first.path, operands[i].path)) {
      return "The first operand must be distinct from the remaining operands for this operator or function; "
             "operator: " +
             op + ", first operand: " + format_path(first.path);
    }
  }
  return std::nullopt;
}

Problem ordered_operands(const std::string& op, const std::vector<Operand>& operands) {
  for (const Operand& operand : operands) {
    auto type = static_type(operand);
    if (type && !is_ordered_type(*type)) return operand_type_problem(op, *type);
  }
  return std::nullopt;
}

Problem between_bounds(const Operand& low, const Operand& high) {
  if (low.kind != OperandKind::kValue || high.kind != OperandKind::kValue) return std::nullopt;
  std::string bounds =
      "lower bound operand: " + describe_bound(low.value) + ", upper bound operand: " + describe_bound(high.value);
  if (low.value.type != high.value.type) {
    return "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds;
  }
  if (compare_ordered(low.value, high.value) > 0) {
    return "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds;
  }
  return std::nullopt;
}

Problem function_condition(ConditionNode& node) {
  const std::string& fn = node.function;
  if (fn == "attribute_exists" || fn == "attribute_not_exists") {
    if (node.operands[0].kind != OperandKind::kPath) {
      return "Operator or function requires a document path; operator or function: " + fn;
    }
    return std::nullopt;
  }
  if (fn == "attribute_type") {
    const Operand& type_operand = node.operands[1];
    if (type_operand.kind == OperandKind::kPath) {
      return std::string(
          "Incorrect operand type for operator or function; operator or function: attribute_type, "
          "operand type: {SS,INT,BOOL,M,N,BS,DECIMALSET,HDS,NS,DOUBLE,DECIMAL,INTSET,HD,B,FLOAT,"
          "FS,DICT,S,DOUBLESET,NULL,L}");
    }
    auto type = static_type(type_operand);
    if (type && *type != AttributeType::kS) return operand_type_problem(fn, *type);
    if (type_operand.kind == OperandKind::kValue && !type_from_name(type_operand.value.scalar)) {
      return "Invalid attribute type name found; type: " + type_operand.value.scalar +
             ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}";
    }
    return std::nullopt;
  }
  if (auto problem = distinct_operands(fn, node.operands)) return problem;
  if (fn == "begins_with") {
    for (const Operand& operand : node.operands) {
      auto type = static_type(operand);
      if (type && *type != AttributeType::kS && *type != AttributeType::kB) return operand_type_problem(fn, *type);
    }
  }
  return std::nullopt;
}

Problem resolve_node(ConditionNode& node, Resolver& resolver) {
  for (ConditionNode& child : node.children) {
    if (auto problem = resolve_node(child, resolver)) return problem;
  }
  if (auto problem = resolver.args(node.operands)) return problem;
  switch (node.kind) {
    case ConditionKind::kComparison: {
      std::string op = comparator_text(node.comparator);
      if (auto problem = distinct_operands(op, node.operands)) return problem;
      if (node.comparator == Comparator::kEq || node.comparator == Comparator::kNe) return std::nullopt;
      return ordered_operands(op, node.operands);
    }
    case ConditionKind::kBetween:
      if (auto problem = distinct_operands("BETWEEN", node.operands)) return problem;
      if (auto problem = ordered_operands("BETWEEN", node.operands)) return problem;
      return between_bounds(node.operands[1], node.operands[2]);
    case ConditionKind::kIn:
      if (node.operands.size() - 1 > kMaxInOperands) {
        return "The IN operator is provided with too many operands; number of operands: " +
               std::to_string(node.operands.size() - 1);
      }
      return distinct_operands("IN", node.operands);
    case ConditionKind::kFunction:
      if (auto problem = resolver.arity(node.function, node.operands.size())) return problem;
      return function_condition(node);
    default: return std::nullopt;
  }
}

Problem update_operand_problem(const char* clause, const char* type_set, AttributeType type) {
  return std::string("Incorrect operand type for operator or function; operator: ") + clause +
         ", operand type: " + update_operand_type_name(type) + ", typeSet: " + type_set;
}

}  // namespace

std::optional<std::string> resolve_condition(ConditionTree& tree, ExpressionAttributes& attrs) {
  Resolver resolver(attrs);
  return resolve_node(tree.root, resolver);
}

std::optional<std::string> resolve_update(UpdateTree& tree, ExpressionAttributes& attrs) {
  // Target paths first: the overlap check (made by the caller) needs their names.
  Resolver names(attrs, Stage::kNames);
  for (UpdateAction& action : tree.actions) {
    if (auto problem = names.path(action.path)) return problem;
  }
  return std::nullopt;
}

std::optional<std::string> resolve_update_values(UpdateTree& tree, ExpressionAttributes& attrs) {
  Resolver values(attrs, Stage::kValues);
  for (UpdateAction& action : tree.actions) {
    if (action.clause == UpdateClause::kRemove) continue;
    if (auto problem = values.operand(action.value)) return problem;
  }
  // DynamoDB reports the operand problem of the last action written first.
  Resolver checks(attrs, Stage::kChecks);
  for (auto action = tree.actions.rbegin(); action != tree.actions.rend(); ++action) {
    if (action->clause == UpdateClause::kRemove) continue;
    if (auto problem = checks.operand(action->value)) return problem;
    AttributeType type = action->value.value.type;
    if (action->clause == UpdateClause::kAdd && type != AttributeType::kN && !is_set_type(type)) {
      return update_operand_problem("ADD", "ALLOWED_FOR_ADD_OPERAND", type);
    }
    if (action->clause == UpdateClause::kDelete && !is_set_type(type)) {
      return update_operand_problem("DELETE", "ALLOWED_FOR_DELETE_OPERAND", type);
    }
  }
  Resolver value_names(attrs, Stage::kNames);
  for (UpdateAction& action : tree.actions) {
    if (action.clause == UpdateClause::kRemove) continue;
    if (auto problem = value_names.operand(action.value)) return problem;
  }
  return std::nullopt;
}

std::optional<std::string> resolve_projection(ProjectionTree& tree, ExpressionAttributes& attrs) {
  Resolver resolver(attrs);
  for (Operand& path : tree.paths) {
    if (auto problem = resolver.path(path)) return problem;
  }
  return std::nullopt;
}

}  // namespace eddy::expr
