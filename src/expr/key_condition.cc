// KeyConditionExpression: the condition grammar, then DynamoDB's key rules: only AND of simple
// conditions, each naming one key attribute; every partition-key attribute matched with "=", and
// sort-key attributes with "=" left to right, the last one given with = < <= > >= BETWEEN or
// begins_with.
#include "expr/key_condition.h"

#include <algorithm>

#include "expr/condition.h"
#include "expr/expression_text.h"
#include "expr/resolver.h"
#include "model/errors.h"
#include "model/result.h"

namespace eddy::expr {
namespace {

constexpr std::string_view kKind = "KeyConditionExpression";

// One simple condition on one key attribute, with the attribute on the left.
struct KeyTerm {
  std::string attribute;
  KeyCondition::SortOp op = KeyCondition::SortOp::kEq;
  AttributeValue value;
  AttributeValue value2;
};

KeyCondition::SortOp flipped(Comparator comparator, bool attribute_on_right) {
  using Op = KeyCondition::SortOp;
  switch (comparator) {
    case Comparator::kLt: return attribute_on_right ? Op::kGt : Op::kLt;
    case Comparator::kLe: return attribute_on_right ? Op::kGe : Op::kLe;
    case Comparator::kGt: return attribute_on_right ? Op::kLt : Op::kGt;
    case Comparator::kGe: return attribute_on_right ? Op::kLe : Op::kGe;
    default: return Op::kEq;
  }
}

Result<void> operands_shape(const std::vector<Operand>& operands) {
  int paths = 0;
  for (const Operand& operand : operands) {
    if (operand.kind == OperandKind::kFunction) {
      return validation_error("KeyConditionExpressions cannot contain nested operations");
    }
    if (operand.kind == OperandKind::kPath) ++paths;
  }
  if (paths > 1) {
    return validation_error(
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
  }
  for (const Operand& operand : operands) {
    if (operand.kind == OperandKind::kPath && operand.path.size() > 1) {
      return validation_error("KeyConditionExpressions cannot have conditions on nested attributes");
    }
  }
  if (paths == 0) return validation_error("Invalid condition in KeyConditionExpression: No key attribute specified");
  return {};
}

Result<KeyTerm> key_term(const ConditionNode& node) {
  EDDY_TRY_VOID(operands_shape(node.operands));
  KeyTerm term;
  const auto& ops = node.operands;
  if (node.kind == ConditionKind::kBetween) {
    if (ops[0].kind != OperandKind::kPath) {
      return validation_error(
          "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key "
          "attribute as its first operand");
    }
    term = KeyTerm{ops[0].path[0].name, KeyCondition::SortOp::kBetween, ops[1].value, ops[2].value};
  } else if (node.kind == ConditionKind::kFunction) {
    if (ops[0].kind != OperandKind::kPath) {
      return validation_error(
          "Invalid condition in KeyConditionExpression: begins_with operator must have the key "
          "attribute as its first operand");
    }
    term = KeyTerm{ops[0].path[0].name, KeyCondition::SortOp::kBeginsWith, ops[1].value, {}};
  } else {
    bool right = ops[0].kind != OperandKind::kPath;
    const Operand& path = right ? ops[1] : ops[0];
    const Operand& value = right ? ops[0] : ops[1];
    term = KeyTerm{path.path[0].name, flipped(node.comparator, right), value.value, {}};
  }
  return term;
}

// Flattens the AND tree into simple conditions, refusing every other operator.
Result<void> collect_terms(const ConditionNode& node, std::vector<const ConditionNode*>& out) {
  auto invalid = [](const std::string& op) {
    return validation_error("Invalid operator used in KeyConditionExpression: " + op);
  };
  switch (node.kind) {
    case ConditionKind::kAnd:
      for (const ConditionNode& child : node.children) {
        EDDY_TRY_VOID(collect_terms(child, out));
      }
      return {};
    case ConditionKind::kOr: return invalid("OR");
    case ConditionKind::kNot: return invalid("NOT");
    case ConditionKind::kIn: return invalid("IN");
    case ConditionKind::kFunction:
      if (node.function != "begins_with") return invalid(node.function);
      break;
    case ConditionKind::kComparison:
      if (node.comparator == Comparator::kNe) return invalid("<>");
      break;
    case ConditionKind::kBetween: break;
  }
  out.push_back(&node);
  return {};
}

// "Query condition missed key schema element: pk".
ApiError missed_key(const std::string& name) {
  ApiError error = errors::key_condition_missed_key();
  error.message += ": " + name;
  return error;
}

Result<KeyCondition> match_schema(const std::vector<KeyTerm>& terms, const std::vector<std::string>& partition,
                                  const std::vector<std::string>& sort) {
  auto find = [&](const std::string& name) -> const KeyTerm* {
    for (const KeyTerm& term : terms) {
      if (term.attribute == name) return &term;
    }
    return nullptr;
  };
  for (const KeyTerm& term : terms) {
    bool known = std::count(partition.begin(), partition.end(), term.attribute) > 0 ||
                 std::count(sort.begin(), sort.end(), term.attribute) > 0;
    if (!known) return fail(errors::key_condition_not_supported());  // a condition on a non-key attribute
  }
  KeyCondition out;
  for (const std::string& name : partition) {
    const KeyTerm* term = find(name);
    if (term == nullptr) return fail(missed_key(name));
    if (term->op != KeyCondition::SortOp::kEq) return fail(errors::key_condition_not_supported());
    out.partition.emplace_back(name, term->value);
  }
  const std::string* skipped = nullptr;  // a sort attribute left out before one that is given
  bool ended = false;                    // a sort attribute was skipped or matched with a range operator
  for (std::size_t i = 0; i < sort.size(); ++i) {
    const KeyTerm* term = find(sort[i]);
    if (term == nullptr) {
      if (!ended) skipped = &sort[i];
      ended = true;
      continue;
    }
    if (ended) return fail(skipped != nullptr ? missed_key(*skipped) : errors::key_condition_missed_key());
    bool more_follow = i + 1 < sort.size() && find(sort[i + 1]) != nullptr;
    if (term->op == KeyCondition::SortOp::kEq && more_follow) {
      out.sort_prefix.emplace_back(sort[i], term->value);
      continue;
    }
    out.sort_op = term->op;
    out.sort_key = sort[i];
    out.sort_value = term->value;
    out.sort_value2 = term->value2;
    ended = true;
  }
  return out;
}

}  // namespace

Result<KeyCondition> parse_key_condition(std::string_view text, ExpressionAttributes& attrs,
                                         const std::vector<std::string>& partition_key_names,
                                         const std::vector<std::string>& sort_key_names) {
  EDDY_TRY(auto parsed, parse_condition_tree(text, kKind));
  ConditionTree tree = *parsed;
  if (auto problem = resolve_condition(tree, attrs)) return invalid_expression(kKind, *problem);
  std::vector<const ConditionNode*> nodes;
  EDDY_TRY_VOID(collect_terms(tree.root, nodes));
  std::vector<KeyTerm> terms;
  for (const ConditionNode* node : nodes) {
    EDDY_TRY(KeyTerm term, key_term(*node));
    terms.push_back(std::move(term));
  }
  std::size_t most = std::max<std::size_t>(2, partition_key_names.size() + sort_key_names.size());
  if (terms.size() > most) return validation_error("Conditions can be of length 1 or 2 only");
  for (std::size_t i = 0; i < terms.size(); ++i) {
    for (std::size_t j = i + 1; j < terms.size(); ++j) {
      if (terms[i].attribute == terms[j].attribute) {
        return validation_error("KeyConditionExpressions must only contain one condition per key");
      }
    }
  }
  return match_schema(terms, partition_key_names, sort_key_names);
}

Result<void> check_key_condition_types(const KeyCondition& condition,
                                       const std::map<std::string, AttributeType>& key_types) {
  auto matches = [&](const std::string& name, const AttributeValue& value) {
    auto type = key_types.find(name);
    return type == key_types.end() || type->second == value.type;
  };
  bool ok = true;
  for (const auto& [name, value] : condition.partition) ok = ok && matches(name, value);
  for (const auto& [name, value] : condition.sort_prefix) ok = ok && matches(name, value);
  if (condition.sort_op != KeyCondition::SortOp::kNone) {
    ok = ok && matches(condition.sort_key, condition.sort_value);
    if (condition.sort_op == KeyCondition::SortOp::kBetween)
      ok = ok && matches(condition.sort_key, condition.sort_value2);
  }
  if (!ok) {
    return fail(errors::invalid_parameter("Condition parameter type does not match schema type"));
  }
  return {};
}

}  // namespace eddy::expr
