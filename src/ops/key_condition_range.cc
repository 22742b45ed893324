// Key conditions to engine ranges; see key_condition_range.h.
#include "ops/key_condition_range.h"

namespace eddy::ops {
namespace {

engine::SortComparison comparison_of(expr::KeyCondition::SortOp op) {
  using Op = expr::KeyCondition::SortOp;
  using Cmp = engine::SortComparison;
  switch (op) {
    case Op::kNone: return Cmp::kNone;
    case Op::kEq: return Cmp::kEq;
    case Op::kLt: return Cmp::kLt;
    case Op::kLe: return Cmp::kLe;
    case Op::kGt: return Cmp::kGt;
    case Op::kGe: return Cmp::kGe;
    case Op::kBetween: return Cmp::kBetween;
    case Op::kBeginsWith: return Cmp::kBeginsWith;
  }
  return Cmp::kNone;
}

}  // namespace

engine::ItemRange query_range(const ReadRequest& read, const expr::KeyCondition& condition) {
  engine::KeyConditionBounds bounds;
  for (const auto& [name, value] : condition.partition) bounds.partition.push_back(value);
  for (const auto& [name, value] : condition.sort_prefix) bounds.sort_prefix.push_back(value);
  bounds.comparison = comparison_of(condition.sort_op);
  bounds.value = condition.sort_value;
  bounds.upper = condition.sort_value2;
  return engine::ItemRange::query(*read.table, read.index, bounds);
}

}  // namespace eddy::ops
