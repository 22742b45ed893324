// Document path lookup, formatting and the overlap rule (see document_path.h).
#include "expr/document_path.h"

#include <algorithm>

namespace eddy::expr {

std::string format_path(const DocumentPath& path) {
  std::string out = "[";
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i > 0) out += ", ";
    if (path[i].index >= 0) {
      out += "[" + std::to_string(path[i].index) + "]";
    } else {
      out += path[i].name;
    }
  }
  return out + "]";
}

const AttributeValue* find_path(const Item& item, const DocumentPath& path) {
  if (path.empty()) return nullptr;
  auto top = item.find(path[0].name);
  if (top == item.end()) return nullptr;
  const AttributeValue* current = &top->second;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const PathElement& step = path[i];
    if (step.index >= 0) {
      if (current->type != AttributeType::kL || static_cast<std::size_t>(step.index) >= current->list.size()) {
        return nullptr;
      }
      current = &current->list[step.index];
    } else {
      if (current->type != AttributeType::kM) return nullptr;
      auto member = current->map.find(step.name);
      if (member == current->map.end()) return nullptr;
      current = &member->second;
    }
  }
  return current;
}

bool same_path(const DocumentPath& a, const DocumentPath& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].index != b[i].index || a[i].name != b[i].name) return false;
  }
  return true;
}

std::optional<std::string> find_overlapping_paths(const std::vector<const DocumentPath*>& paths) {
  for (std::size_t i = 0; i < paths.size(); ++i) {
    for (std::size_t j = i + 1; j < paths.size(); ++j) {
      const DocumentPath& one = *paths[i];
      const DocumentPath& two = *paths[j];
      std::size_t common = std::min(one.size(), two.size());
      std::size_t k = 0;
      while (k < common && one[k].index == two[k].index && one[k].name == two[k].name) ++k;
      std::string both = "; must remove or rewrite one of these paths; path one: " + format_path(one) +
                         ", path two: " + format_path(two);
      if (k == common) return "Two document paths overlap with each other" + both;
      if ((one[k].index >= 0) != (two[k].index >= 0)) return "Two document paths conflict with each other" + both;
    }
  }
  return std::nullopt;
}

}  // namespace eddy::expr
