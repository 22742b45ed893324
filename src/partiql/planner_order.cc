// ORDER BY (see planner.h): only key attributes of what is read, only with a WHERE that names the
// partition key in every case (pk = 'a', pk IN [...], begins_with(pk, 'a'), pk = 'a' OR pk = 'b';
// not pk = 'a' OR x = 1). The sort key's direction is the Query's; the partition key's orders the
// partitions read.
#include <algorithm>

#include "expr/value_rules.h"
#include "partiql/condition_parts.h"
#include "partiql/errors.h"
#include "partiql/planner_steps.h"

namespace eddy::partiql {
namespace {

bool is_partition_attribute(const KeySchema& key, const std::string& name) {
  return std::any_of(key.partition_key.begin(), key.partition_key.end(),
                     [&](const KeyElement& element) { return element.name == name; });
}

// True when `node` cannot hold unless a condition on the partition key does.
bool names_partition_key(const expr::ConditionNode& node, const KeySchema& key) {
  switch (node.kind) {
    case expr::ConditionKind::kAnd:
      return std::any_of(node.children.begin(), node.children.end(),
                         [&](const expr::ConditionNode& child) { return names_partition_key(child, key); });
    case expr::ConditionKind::kOr:
      return std::all_of(node.children.begin(), node.children.end(),
                         [&](const expr::ConditionNode& child) { return names_partition_key(child, key); });
    case expr::ConditionKind::kNot: return names_partition_key(node.children[0], key);
    default: return is_partition_attribute(key, subject_attribute(node));
  }
}

void order_partitions(SelectPlan& plan, bool descending) {
  auto value = [](const expr::KeyCondition& condition) -> const AttributeValue& {
    return condition.partition[0].second;
  };
  std::stable_sort(plan.key_conditions.begin(), plan.key_conditions.end(),
                   [&](const expr::KeyCondition& a, const expr::KeyCondition& b) {
                     int order = expr::compare_ordered(value(a), value(b));
                     return descending ? order > 0 : order < 0;
                   });
}

}  // namespace

Result<void> plan_order(const BoundSelect& select, const KeySchema& key, SelectPlan& plan) {
  if (select.order_by.empty()) return {};
  if (!select.where) return fail(errors::order_by_without_where());
  for (const BoundOrderTerm& term : select.order_by) {
    if (term.attribute.empty()) return fail(errors::order_by_argument(term.type));
    if (!key.contains(term.attribute)) return fail(errors::order_by_attribute(term.attribute));
  }
  if (!names_partition_key(select.where->root, key)) return fail(errors::order_by_without_hash_key());
  bool partitions_ordered = false;
  bool direction_set = false;
  for (const BoundOrderTerm& term : select.order_by) {
    if (is_partition_attribute(key, term.attribute)) {
      if (!partitions_ordered && key.partition_key.size() == 1) order_partitions(plan, term.descending);
      partitions_ordered = true;
    } else if (!direction_set) {
      plan.scan_index_forward = !term.descending;
      direction_set = true;
    }
  }
  return {};
}

}  // namespace eddy::partiql
