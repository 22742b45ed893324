// PartiQL paths to document paths (see document_path.h).
#include "partiql/document_path.h"

#include <cstdint>

#include "partiql/errors.h"

namespace eddy::partiql {
namespace {

// A list index as written ("-1", "007", "100000000000"), or -1 when it is out of range.
int64_t list_index(const std::string& text) {
  if (text.empty() || text[0] == '-') return -1;
  int64_t index = 0;
  for (char c : text) {
    index = index * 10 + (c - '0');
    if (index > INT32_MAX) return -1;
  }
  return index;
}

}  // namespace

Result<expr::DocumentPath> document_path(const Expr& path) {
  if (path.kind != ExprKind::kPath || !path.children.empty())
    return fail(errors::unexpected_path_component(path.where));
  if (path.text.empty()) return fail(errors::empty_path_component());
  expr::DocumentPath out{expr::PathElement{path.text, -1}};
  for (const PathStep& step : path.steps) {
    switch (step.kind) {
      case PathStep::Kind::kUnpivot: return fail(errors::unpivot_path(step.where));
      case PathStep::Kind::kWildcard: return fail(errors::wildcard_path(step.where));
      case PathStep::Kind::kExpression: return fail(errors::unexpected_path_component(step.where));
      case PathStep::Kind::kIndex: {
        int64_t index = list_index(step.text);
        if (index < 0) return fail(errors::list_index_range(step.text, step.where));
        out.push_back(expr::PathElement{"", static_cast<int>(index)});
        break;
      }
      case PathStep::Kind::kName:
        if (step.text.empty()) return fail(errors::empty_path_component());
        out.push_back(expr::PathElement{step.text, -1});
        break;
    }
  }
  return out;
}

std::string output_name(const expr::DocumentPath& path) {
  std::size_t last = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i].index < 0) last = i;
  }
  std::string name = path[last].name;
  for (std::size_t i = last + 1; i < path.size(); ++i) {
    name += '[';
    name += std::to_string(path[i].index);
    name += ']';
  }
  return name;
}

}  // namespace eddy::partiql
