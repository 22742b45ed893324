// parse_condition and Condition: ConditionExpression and FilterExpression (and the condition
// half of KeyConditionExpression) from text to an evaluable tree.
#include "expr/condition.h"

#include "expr/checks.h"
#include "expr/evaluator.h"
#include "expr/expression_cache.h"
#include "expr/expression_text.h"
#include "expr/parser.h"
#include "expr/resolver.h"
#include "model/result.h"

namespace eddy::expr {

Condition::Condition() = default;
Condition::Condition(std::shared_ptr<const ConditionTree> tree) : tree_(std::move(tree)) {}

Result<bool> Condition::evaluate(const Item& item) const {
  if (tree_ == nullptr) return true;
  return evaluate_node(tree_->root, item);
}

Result<std::shared_ptr<const ConditionTree>> parse_condition_tree(std::string_view text, std::string_view kind) {
  if (auto problem = check_expression_text(text, kind, true)) return fail(*problem);
  ExpressionCaches* caches = ExpressionCaches::current();
  if (caches != nullptr) {
    if (auto cached = caches->conditions.find(text)) return cached;
  }
  ParseFacts facts;
  auto parsed = parse_condition_syntax(text, facts);
  if (!parsed) return invalid_expression(kind, parsed.error());
  if (facts.operator_count > kMaxOperators) {
    return invalid_expression(
        kind, "The expression contains too many operators; operator count: " + std::to_string(kMaxOperators + 1));
  }
  if (facts.redundant_parentheses) return invalid_expression(kind, "The expression has redundant parentheses;");
  if (auto problem = check_condition_text(*parsed)) return invalid_expression(kind, *problem);
  auto tree = std::make_shared<const ConditionTree>(std::move(*parsed));
  if (caches != nullptr) caches->conditions.insert(text, tree);
  return tree;
}

Result<Condition> parse_condition(std::string_view text, std::string_view kind, ExpressionAttributes& attrs) {
  EDDY_TRY(auto parsed, parse_condition_tree(text, kind));
  auto resolved = std::make_shared<ConditionTree>(*parsed);
  if (auto problem = resolve_condition(*resolved, attrs)) return invalid_expression(kind, *problem);
  return Condition(std::move(resolved));
}

Condition condition_from_tree(ConditionTree tree) {
  return Condition(std::make_shared<const ConditionTree>(std::move(tree)));
}

}  // namespace eddy::expr
