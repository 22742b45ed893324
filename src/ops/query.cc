// Query: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
// One partition of a table or index, in sort-key order (or reversed), narrowed by the key
// condition; the paging, filter, projection and counts are the shared read path (read_pager.h).
#include <algorithm>

#include "engine/item_range.h"
#include "expr/key_condition.h"
#include "ops/operations.h"
#include "ops/read_pager.h"
#include "ops/read_request.h"
#include "ops/read_start_key.h"
#include "protocol/legacy_parameters.h"

namespace eddy::ops {
namespace {

constexpr const char* kInvalidStart = "The provided starting key is invalid";
constexpr const char* kMismatchedStart =
    "The provided starting key is invalid: The provided key element does not match the schema";

std::vector<std::string> names_of(const std::vector<KeyElement>& elements) {
  std::vector<std::string> names;
  for (const auto& element : elements) names.push_back(element.name);
  return names;
}

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

Result<expr::KeyCondition> parse_key(const JsonValue& request, const ReadRequest& read,
                                     const std::optional<std::string>& expression, expr::ExpressionAttributes& attrs) {
  const KeySchema& key = read.read_key();
  auto condition = expression ? expr::parse_key_condition(*expression, attrs, names_of(key.hash), names_of(key.range))
                              : legacy_key_conditions(request, names_of(key.hash), names_of(key.range));
  if (!condition) return fail(condition.error());
  std::map<std::string, AttributeType> types;
  for (const auto* elements : {&key.hash, &key.range}) {
    for (const auto& element : *elements) types[element.name] = element.type;
  }
  if (auto typed = expr::check_key_condition_types(*condition, types); !typed) return fail(typed.error());
  return condition;
}

engine::ItemRange query_range(const ReadRequest& read, const expr::KeyCondition& condition) {
  engine::KeyConditionBounds bounds;
  for (const auto& [name, value] : condition.partition) bounds.partition.push_back(value);
  for (const auto& [name, value] : condition.sort_prefix) bounds.sort_prefix.push_back(value);
  bounds.comparison = comparison_of(condition.sort_op);
  bounds.value = condition.sort_value;
  bounds.upper = condition.sort_value2;
  return engine::ItemRange::query(*read.table, read.index, bounds);
}

// DynamoDB's checks of a start key against the key condition; then the page starts after it.
Result<void> start_after(const ReadRequest& read, const expr::KeyCondition& condition, engine::ItemRange& range,
                         const Item& start) {
  if (auto shape = check_start_key_shape(read, start, kInvalidStart, kMismatchedStart); !shape) return shape;
  bool same_partition = range.holds_partition_of(start);
  if (!condition.sort_prefix.empty() || condition.sort_op != expr::KeyCondition::SortOp::kNone) {
    if (!range.holds_sort_key_of(start)) {
      return validation_error("The provided starting key does not match the range key predicate");
    }
    if (!same_partition) return validation_error("The query can return at most one row and cannot be restarted");
  } else if (!same_partition) {
    return validation_error("The provided starting key is outside query boundaries based on provided conditions");
  }
  range.start_after(start);
  return {};
}

}  // namespace

Result<std::string> query(RequestContext& context, const JsonValue& request) {
  ConstraintViolations violations;
  auto read = read_read_request(request, false, violations);
  if (!read) return fail(read.error());
  auto forward = read_bool(request, "ScanIndexForward");
  if (!forward) return fail(forward.error());
  auto key_expression = read_string(request, "KeyConditionExpression");
  if (!key_expression) return fail(key_expression.error());
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  if (auto checked = check_read_request(request, *read); !checked) return fail(checked.error());
  if (!*key_expression && member(request, "KeyConditions") == nullptr) {
    return validation_error("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  }
  if (auto resolved = resolve_table_and_index(context, *read); !resolved) return fail(resolved.error());

  expr::ExpressionAttributes attrs(read->names ? &*read->names : nullptr, read->values ? &*read->values : nullptr);
  auto condition = parse_key(request, *read, *key_expression, attrs);
  if (!condition) return fail(condition.error());
  if (auto parsed = parse_filter_and_projection(request, *read, attrs, read->read_key().attribute_names()); !parsed) {
    return fail(parsed.error());
  }
  if (auto used = attrs.check_all_used(); !used) return fail(used.error());
  if (auto selected = resolve_select(*read); !selected) return fail(selected.error());

  engine::ItemRange range = query_range(*read, *condition);
  if (read->exclusive_start_key) {
    if (auto started = start_after(*read, *condition, range, *read->exclusive_start_key); !started) {
      return fail(started.error());
    }
  }
  return read_page(context, *read, range, forward->value_or(true));
}

}  // namespace eddy::ops
