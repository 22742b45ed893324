// WHERE clauses to condition trees (see translator.h), with DynamoDB's checks of what may stand where:
// AND, OR and NOT take conditions, not values; IN takes a path and a non-empty list; MISSING is only
// compared with IS.
#include <cctype>

#include "expr/checks.h"
#include "expr/expression_text.h"
#include "expr/functions.h"
#include "expr/resolver.h"
#include "model/result.h"
#include "partiql/document_path.h"
#include "partiql/errors.h"
#include "partiql/literal.h"
#include "partiql/translator.h"

namespace eddy::partiql {
namespace {

using expr::ConditionKind;
using expr::ConditionNode;
using expr::Operand;

bool is_value_or_path(const Expr& expr) { return is_value_expression(expr) || expr.kind == ExprKind::kPath; }

}  // namespace

std::string operator_name(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kAnd: return "and";
    case ExprKind::kOr: return "or";
    case ExprKind::kNot: return "not";
    case ExprKind::kIn: return "in";
    case ExprKind::kBetween: return "between";
    case ExprKind::kLike: return "like";
    case ExprKind::kIs: return "is";
    default: return expr.text;
  }
}

namespace {

expr::Comparator comparator(const std::string& op) {
  if (op == "=") return expr::Comparator::kEq;
  if (op == "<>" || op == "!=") return expr::Comparator::kNe;
  if (op == "<") return expr::Comparator::kLt;
  if (op == "<=") return expr::Comparator::kLe;
  if (op == ">") return expr::Comparator::kGt;
  return expr::Comparator::kGe;
}

ConditionNode negation(ConditionNode child) {
  ConditionNode node;
  node.kind = ConditionKind::kNot;
  node.children.push_back(std::move(child));
  return node;
}

// The attribute_type name that IS <type> tests for, or "" for MISSING (attribute_not_exists).
std::optional<std::string> is_type_name(const std::string& type) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"MISSING", ""}, {"NULL", "NULL"}, {"BOOLEAN", "BOOL"}, {"STRING", "S"}, {"NUMERIC", "N"},
      {"BLOB", "B"},   {"STRUCT", "M"},  {"TUPLE", "M"},      {"LIST", "L"}};
  for (auto [name, attribute_type] : kTypes) {
    if (type == name) return std::string(attribute_type);
  }
  return std::nullopt;
}

// PartiQL's aggregates, which DynamoDB names as unsupported tokens in a condition.
bool is_aggregate(const std::string& name) {
  return name == "count" || name == "sum" || name == "avg" || name == "min" || name == "max";
}

const Expr* subquery_argument(const Expr& call) {
  for (const Expr& arg : call.children) {
    if (arg.kind == ExprKind::kSubquery) return &arg;
  }
  return nullptr;
}

}  // namespace

std::string function_name(const Expr& call) {
  std::string name = call.text;
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

Result<expr::ConditionTree> ExpressionTranslator::where(const Expr& root) {
  if (root.kind == ExprKind::kCall) {
    std::string name = function_name(root);
    if (is_aggregate(name)) return fail(errors::unsupported_token(name, root.where));
    const expr::FunctionInfo* info = expr::find_function(name);
    if (info == nullptr && subquery_argument(root) == nullptr) return fail(errors::unrecognized_function(name));
    if (info != nullptr && info->role != expr::FunctionRole::kCondition) return fail(errors::where_not_boolean());
  }
  if (is_value_or_path(root)) return fail(errors::where_not_boolean());
  operators_ = 0;
  EDDY_TRY(ConditionNode node, condition(root, "WHERE"));
  if (operators_ > expr::kMaxOperators) {
    return fail(errors::too_many_operators(expr::kMaxOperators + 1));
  }
  expr::ConditionTree tree{std::move(node)};
  if (auto problem = expr::check_condition_text(tree)) return validation_error(*problem);
  expr::ExpressionAttributes attributes(&names_, &values_);
  if (auto problem = expr::resolve_condition(tree, attributes)) return validation_error(*problem);
  return tree;
}

Result<ConditionNode> ExpressionTranslator::condition(const Expr& expr, const char* parent) {
  switch (expr.kind) {
    case ExprKind::kAnd:
    case ExprKind::kOr: return logical(expr);
    case ExprKind::kNot: {
      const Expr& child = expr.children[0];
      if (is_value_or_path(child)) return fail(errors::not_operand());
      auto inner = condition(child, "NOT");
      if (!inner) return inner;
      ++operators_;
      return negation(std::move(*inner));
    }
    case ExprKind::kComparison: return comparison(expr);
    case ExprKind::kIn: return in(expr);
    case ExprKind::kBetween: return between(expr);
    case ExprKind::kIs: return is(expr);
    case ExprKind::kCall: return function(expr, parent);
    case ExprKind::kSubquery: return fail(errors::unsupported_token("SELECT", expr.where));
    case ExprKind::kMissing: return fail(errors::missing_comparison());
    case ExprKind::kLike:
    case ExprKind::kArithmetic:
    case ExprKind::kUnary: return fail(errors::unsupported_condition_operator(operator_name(expr)));
    default: return fail(errors::and_or_operands());
  }
}

Result<ConditionNode> ExpressionTranslator::logical(const Expr& expr) {
  const char* name = expr.kind == ExprKind::kAnd ? "AND" : "OR";
  ConditionNode node;
  node.kind = expr.kind == ExprKind::kAnd ? ConditionKind::kAnd : ConditionKind::kOr;
  for (const Expr& child : expr.children) {
    if (is_value_or_path(child)) return fail(errors::and_or_operands());
    auto translated = condition(child, name);
    if (!translated) return translated;
    node.children.push_back(std::move(*translated));
  }
  ++operators_;
  return node;
}

Result<ConditionNode> ExpressionTranslator::comparison(const Expr& expr) {
  ConditionNode node;
  node.kind = ConditionKind::kComparison;
  node.comparator = comparator(expr.text);
  for (const Expr& side : expr.children) {
    EDDY_TRY(Operand translated, operand(side));
    node.operands.push_back(std::move(translated));
  }
  ++operators_;
  return node;
}

Result<ConditionNode> ExpressionTranslator::in(const Expr& expr) {
  const Expr& left = expr.children[0];
  const Expr& right = expr.children[1];
  bool list = right.kind == ExprKind::kList || right.kind == ExprKind::kBag;
  if (left.kind != ExprKind::kPath || !list || right.children.empty()) return fail(errors::in_operands());
  ConditionNode node;
  node.kind = ConditionKind::kIn;
  EDDY_TRY(Operand first, operand(left));
  node.operands.push_back(std::move(first));
  for (const Expr& candidate : right.children) {
    EDDY_TRY(Operand translated, operand(candidate));
    node.operands.push_back(std::move(translated));
  }
  ++operators_;
  if (!expr.negated) return node;
  ++operators_;
  return negation(std::move(node));
}

Result<ConditionNode> ExpressionTranslator::between(const Expr& expr) {
  ConditionNode node;
  node.kind = ConditionKind::kBetween;
  for (const Expr& side : expr.children) {
    EDDY_TRY(Operand translated, operand(side));
    node.operands.push_back(std::move(translated));
  }
  ++operators_;
  if (!expr.negated) return node;
  ++operators_;
  return negation(std::move(node));
}

Result<ConditionNode> ExpressionTranslator::is(const Expr& expr) {
  auto type = is_type_name(expr.text);
  if (!type) return fail(errors::is_type(expr.text, expr.where));
  const Expr& subject = expr.children[0];
  bool literal = subject.kind == ExprKind::kLiteral || subject.kind == ExprKind::kPath;
  if (!literal) return fail(errors::is_operand());
  EDDY_TRY(Operand translated, operand(subject));
  ConditionNode node;
  node.kind = ConditionKind::kFunction;
  node.operands.push_back(std::move(translated));
  ++operators_;
  if (type->empty()) {  // IS [NOT] MISSING
    node.function = expr.negated ? "attribute_exists" : "attribute_not_exists";
    return node;
  }
  node.function = "attribute_type";
  node.operands.push_back(placeholder_value(AttributeValue::string(*type)));
  if (!expr.negated) return node;
  ++operators_;
  return negation(std::move(node));
}

Result<ConditionNode> ExpressionTranslator::function(const Expr& expr, const char* parent) {
  if (const Expr* select = subquery_argument(expr)) return fail(errors::unsupported_token("SELECT", select->where));
  std::string name = function_name(expr);
  if (is_aggregate(name)) return fail(errors::unsupported_token(name, expr.where));
  const expr::FunctionInfo* info = expr::find_function(name);
  if (info == nullptr) return fail(errors::unrecognized_function(name));
  if (info->role == expr::FunctionRole::kConditionOperand) return fail(errors::operand_type(parent, "N"));
  ConditionNode node;
  node.kind = ConditionKind::kFunction;
  node.function = name;
  for (const Expr& arg : expr.children) {
    EDDY_TRY(Operand translated, operand(arg));
    node.operands.push_back(std::move(translated));
  }
  ++operators_;
  return node;
}

Result<Operand> ExpressionTranslator::operand(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kPath: return path(expr);
    case ExprKind::kMissing: return fail(errors::missing_comparison());
    case ExprKind::kCall: return call_operand(expr, false);
    case ExprKind::kSubquery: return fail(errors::unsupported_token("SELECT", expr.where));
    case ExprKind::kStar: return fail(errors::unsupported_token("*", expr.where));
    default: break;
  }
  if (is_value_expression(expr)) return value(expr);
  return fail(errors::unsupported_condition_operator(operator_name(expr)));
}

Result<Operand> ExpressionTranslator::call_operand(const Expr& expr, bool update_grammar) {
  if (const Expr* select = subquery_argument(expr)) return fail(errors::unsupported_token("SELECT", select->where));
  std::string name = function_name(expr);
  if (is_aggregate(name)) return fail(errors::unsupported_token(name, expr.where));
  if (expr::find_function(name) == nullptr) return fail(errors::unrecognized_function(name));
  Operand out;
  out.kind = expr::OperandKind::kFunction;
  out.name = name;
  for (const Expr& arg : expr.children) {
    auto translated = update_grammar ? update_operand(arg) : operand(arg);
    if (!translated) return translated;
    out.args.push_back(std::move(*translated));
  }
  if (!update_grammar) ++operators_;
  return out;
}

Result<Operand> ExpressionTranslator::path(const Expr& expr) {
  EDDY_TRY(expr::DocumentPath document, document_path(expr));
  Operand out;
  out.kind = expr::OperandKind::kPath;
  for (const expr::PathElement& element : document) {
    if (element.index >= 0) out.raw_path.push_back(expr::RawPathElement{std::to_string(element.index), element.index});
    else out.raw_path.push_back(expr::RawPathElement{name_placeholder(element.name), -1});
  }
  return out;
}

Result<Operand> ExpressionTranslator::value(const Expr& expr) {
  EDDY_TRY(AttributeValue converted, literal_value(expr, parameters_));
  return placeholder_value(std::move(converted));
}

Operand ExpressionTranslator::placeholder_value(AttributeValue value) {
  Operand out;
  out.kind = expr::OperandKind::kValue;
  std::string placeholder = ":";
  placeholder += std::to_string(values_.size());
  out.placeholder = placeholder;
  values_.emplace(out.placeholder, std::move(value));
  return out;
}

const std::string& ExpressionTranslator::name_placeholder(const std::string& name) {
  auto found = placeholder_of_.find(name);
  if (found != placeholder_of_.end()) return found->second;
  std::string placeholder = "#";
  placeholder += std::to_string(names_.size());
  names_.emplace(placeholder, name);
  return placeholder_of_.emplace(name, placeholder).first->second;
}

}  // namespace eddy::partiql
