// parse_update: UpdateExpression text to a resolved Update, with DynamoDB's checks in its order:
// size, syntax, repeated clauses, parentheses, names and functions, target paths, overlapping
// paths, value placeholders, operand types, then key attributes.
#include "expr/ast.h"
#include "expr/checks.h"
#include "expr/document_path.h"
#include "expr/expression_cache.h"
#include "expr/expression_text.h"
#include "expr/parser.h"
#include "expr/resolver.h"
#include "model/errors.h"
#include "model/result.h"

namespace eddy::expr {
namespace {

constexpr std::string_view kKind = "UpdateExpression";

Result<std::shared_ptr<const UpdateTree>> parse_update_tree(std::string_view text) {
  if (auto problem = check_expression_text(text, kKind, false)) return fail(*problem);
  ExpressionCaches* caches = ExpressionCaches::current();
  if (caches != nullptr) {
    if (auto cached = caches->updates.find(text)) return cached;
  }
  ParseFacts facts;
  auto parsed = parse_update_syntax(text, facts);
  if (!parsed) return invalid_expression(kKind, parsed.error());
  if (!facts.repeated_clause.empty()) {
    return invalid_expression(
        kKind, "The \"" + facts.repeated_clause + "\" section can only be used once in an update expression;");
  }
  if (facts.redundant_parentheses) return invalid_expression(kKind, "The expression has redundant parentheses;");
  if (auto problem = check_update_text(*parsed)) return invalid_expression(kKind, *problem);
  auto tree = std::make_shared<const UpdateTree>(std::move(*parsed));
  if (caches != nullptr) caches->updates.insert(text, tree);
  return tree;
}

}  // namespace

Update::Update() = default;
Update::Update(std::shared_ptr<const UpdateTree> tree) : tree_(std::move(tree)) {}

std::vector<DocumentPath> Update::updated_paths() const {
  std::vector<DocumentPath> paths;
  if (tree_ == nullptr) return paths;
  for (const UpdateAction& action : tree_->actions) paths.push_back(action.path.path);
  return paths;
}

bool Update::only_removes() const {
  if (tree_ == nullptr || tree_->actions.empty()) return false;
  for (const UpdateAction& action : tree_->actions) {
    if (action.clause != UpdateClause::kRemove && action.clause != UpdateClause::kDelete) return false;
  }
  return true;
}

Result<Update> parse_update(std::string_view text, ExpressionAttributes& attrs,
                            const std::vector<std::string>& key_attribute_names) {
  EDDY_TRY(auto parsed, parse_update_tree(text));
  auto resolved = std::make_shared<UpdateTree>(*parsed);
  if (auto problem = resolve_update(*resolved, attrs)) return invalid_expression(kKind, *problem);
  std::vector<const DocumentPath*> paths;
  for (const UpdateAction& action : resolved->actions) paths.push_back(&action.path.path);
  if (auto problem = find_overlapping_paths(paths)) return invalid_expression(kKind, *problem);
  if (auto problem = resolve_update_values(*resolved, attrs)) return invalid_expression(kKind, *problem);
  for (const UpdateAction& action : resolved->actions) {
    const std::string& top = action.path.path[0].name;
    for (const std::string& key : key_attribute_names) {
      if (top == key) {
        return fail(errors::key_attribute_updated(key));
      }
    }
  }
  return Update(std::move(resolved));
}

}  // namespace eddy::expr
