// UPDATE's SET and REMOVE to an update tree (see translator.h), checked in the UpdateExpression's
// order: functions, target paths, overlapping paths (DynamoDB names the later path first), values.
#include "expr/checks.h"
#include "expr/document_path.h"
#include "expr/resolver.h"
#include "model/result.h"
#include "partiql/document_path.h"
#include "partiql/errors.h"
#include "partiql/literal.h"
#include "partiql/translator.h"

namespace eddy::partiql {

Result<expr::UpdateTree> ExpressionTranslator::update(const std::vector<UpdateAction>& actions) {
  expr::UpdateTree tree;
  for (const UpdateAction& action : actions) {
    if (action.remove) {
      EDDY_TRY(expr::Operand target, path(action.target));
      tree.actions.push_back(expr::UpdateAction{expr::UpdateClause::kRemove, std::move(target), {}});
      continue;
    }
    EDDY_TRY(expr::UpdateAction translated, set_action(action));
    tree.actions.push_back(std::move(translated));
  }
  if (auto problem = expr::check_update_text(tree)) return validation_error(*problem);
  expr::ExpressionAttributes attributes(&names_, &values_);
  if (auto problem = expr::resolve_update(tree, attributes)) return validation_error(*problem);
  std::vector<const expr::DocumentPath*> paths;
  for (auto action = tree.actions.rbegin(); action != tree.actions.rend(); ++action)
    paths.push_back(&action->path.path);
  if (auto problem = expr::find_overlapping_paths(paths)) return validation_error(*problem);
  if (auto problem = expr::resolve_update_values(tree, attributes)) return validation_error(*problem);
  return tree;
}

Result<expr::UpdateAction> ExpressionTranslator::set_action(const UpdateAction& action) {
  if (action.value.kind == ExprKind::kCall) {
    std::string name = function_name(action.value);
    if (name == "set_add" || name == "set_delete") return set_function(action, name);
  }
  EDDY_TRY(expr::Operand target, path(action.target));
  EDDY_TRY(expr::Operand value, update_operand(action.value));
  return expr::UpdateAction{expr::UpdateClause::kSet, std::move(target), std::move(value)};
}

// SET s = set_add(s, <<..>>) is ADD s <<..>>; set_delete is DELETE. The set's path must be the target.
Result<expr::UpdateAction> ExpressionTranslator::set_function(const UpdateAction& action, const std::string& name) {
  const char* clause = name == "set_add" ? "ADD" : "DELETE";
  const Expr& call = action.value;
  if (call.children.size() != 2) return fail(errors::set_function_arity(clause, call.where));
  const Expr& set_path = call.children[0];
  EDDY_TRY(expr::DocumentPath target, document_path(action.target));
  bool same = false;
  if (set_path.kind == ExprKind::kPath) {
    auto first = document_path(set_path);
    same = first && expr::same_path(*first, target);
  }
  if (!same) return fail(errors::set_function_target(clause));
  const Expr& members = call.children[1];
  bool set_literal = members.kind == ExprKind::kBag || members.kind == ExprKind::kParameter;
  if (!set_literal) return fail(errors::set_function_value(clause, set_path.where));
  EDDY_TRY(AttributeValue set, literal_value(members, parameters_));
  if (!is_set_type(set.type)) return fail(errors::set_function_value(clause, set_path.where));
  EDDY_TRY(expr::Operand translated_target, path(action.target));
  return expr::UpdateAction{name == "set_add" ? expr::UpdateClause::kAdd : expr::UpdateClause::kDelete,
                            std::move(translated_target), placeholder_value(std::move(set))};
}

Result<expr::Operand> ExpressionTranslator::update_operand(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kPath: return path(expr);
    case ExprKind::kMissing: return fail(errors::missing_comparison());
    case ExprKind::kIs: return fail(errors::is_in_update());
    case ExprKind::kSubquery: return fail(errors::unsupported_token("SELECT", expr.where));
    case ExprKind::kUnary: return fail(errors::operand_count(expr.text, 1));
    case ExprKind::kCall: {
      std::string name = function_name(expr);
      if (name == "set_add" || name == "set_delete") return fail(errors::unrecognized_function(name));
      return call_operand(expr, true);
    }
    case ExprKind::kArithmetic: {
      if (expr.text != "+" && expr.text != "-") return fail(errors::unsupported_update_operator(expr.text));
      expr::Operand out;
      out.kind = expr::OperandKind::kArithmetic;
      out.name = expr.text;
      for (const Expr& side : expr.children) {
        auto translated = update_operand(side);
        if (!translated) return translated;
        out.args.push_back(std::move(*translated));
      }
      return out;
    }
    default: break;
  }
  if (is_value_expression(expr)) return value(expr);
  // A comparison or a logical operator where a value is set.
  return fail(errors::unsupported_update_operator(operator_name(expr)));
}

}  // namespace eddy::partiql
