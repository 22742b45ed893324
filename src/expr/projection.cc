// ProjectionExpression: parsing (with the overlap rule) and applying a projection to an item.
// Applying keeps the enclosing maps and lists of nested paths; list elements keep their index
// order and the list is compacted ("a.b[1]" of {a:{b:[x,y,z]}} is {a:{b:[y]}}).
#include <map>

#include "expr/ast.h"
#include "expr/checks.h"
#include "expr/document_path.h"
#include "expr/expression_cache.h"
#include "expr/expression_text.h"
#include "expr/parser.h"
#include "expr/resolver.h"
#include "model/result.h"

namespace eddy::expr {
namespace {

constexpr std::string_view kKind = "ProjectionExpression";

// The projected paths as a trie: a node is either wanted whole or narrowed by its children.
struct ProjectionNode {
  bool whole = false;
  std::map<std::string, ProjectionNode> members;
  std::map<int, ProjectionNode> elements;
};

std::optional<AttributeValue> project(const AttributeValue& value, const ProjectionNode& node) {
  if (node.whole) return value;
  if (value.type == AttributeType::kM && !node.members.empty()) {
    AttributeValue out;
    out.type = AttributeType::kM;
    for (const auto& [name, child] : node.members) {
      auto member = value.map.find(name);
      if (member == value.map.end()) continue;
      if (auto projected = project(member->second, child)) out.map.emplace(name, std::move(*projected));
    }
    if (out.map.empty()) return std::nullopt;
    return out;
  }
  if (value.type == AttributeType::kL && !node.elements.empty()) {
    AttributeValue out;
    out.type = AttributeType::kL;
    for (const auto& [index, child] : node.elements) {
      if (static_cast<std::size_t>(index) >= value.list.size()) break;
      if (auto projected = project(value.list[index], child)) out.list.push_back(std::move(*projected));
    }
    if (out.list.empty()) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

Result<std::shared_ptr<const ProjectionTree>> parse_projection_tree(std::string_view text) {
  if (auto problem = check_expression_text(text, kKind, false)) return fail(*problem);
  ExpressionCaches* caches = ExpressionCaches::current();
  if (caches != nullptr) {
    if (auto cached = caches->projections.find(text)) return cached;
  }
  ParseFacts facts;
  auto parsed = parse_projection_syntax(text, facts);
  if (!parsed) return invalid_expression(kKind, parsed.error());
  if (auto problem = check_projection_text(*parsed)) return invalid_expression(kKind, *problem);
  auto tree = std::make_shared<const ProjectionTree>(std::move(*parsed));
  if (caches != nullptr) caches->projections.insert(text, tree);
  return tree;
}

}  // namespace

Item Projection::apply(const Item& item) const {
  std::map<std::string, ProjectionNode> roots;
  for (const DocumentPath& path : paths) {
    ProjectionNode* node = &roots[path[0].name];
    for (std::size_t i = 1; i < path.size(); ++i) {
      node = path[i].index >= 0 ? &node->elements[path[i].index] : &node->members[path[i].name];
    }
    node->whole = true;
  }
  Item out;
  for (const auto& [name, node] : roots) {
    auto found = item.find(name);
    if (found == item.end()) continue;
    if (auto projected = project(found->second, node)) out.emplace(name, std::move(*projected));
  }
  return out;
}

Result<Projection> parse_projection(std::string_view text, ExpressionAttributes& attrs) {
  EDDY_TRY(auto parsed, parse_projection_tree(text));
  ProjectionTree resolved = *parsed;
  if (auto problem = resolve_projection(resolved, attrs)) return invalid_expression(kKind, *problem);
  Projection projection;
  std::vector<const DocumentPath*> paths;
  for (Operand& path : resolved.paths) projection.paths.push_back(std::move(path.path));
  for (const DocumentPath& path : projection.paths) paths.push_back(&path);
  if (auto problem = find_overlapping_paths(paths)) return invalid_expression(kKind, *problem);
  return projection;
}

}  // namespace eddy::expr
