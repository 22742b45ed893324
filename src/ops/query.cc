// Query: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
// One partition of a table or index, in sort-key order (or reversed), narrowed by the key
// condition; the paging, filter, projection and counts are the shared read path (read_pager.h).
#include <algorithm>

#include "engine/item_range.h"
#include "expr/key_condition.h"
#include "expr/legacy.h"
#include "model/errors.h"
#include "model/result.h"
#include "ops/expression_attributes.h"
#include "ops/key_condition_range.h"
#include "ops/operations.h"
#include "ops/read_pager.h"
#include "ops/read_request.h"
#include "ops/read_start_key.h"

namespace eddy::ops {
namespace {

std::vector<std::string> names_of(const std::vector<KeyElement>& elements) {
  std::vector<std::string> names;
  names.reserve(elements.size());
  for (const auto& element : elements) names.push_back(element.name);
  return names;
}

// KeyConditionExpression, or else KeyConditions, against the read's key schema.
Result<expr::KeyCondition> parse_key(const p::QueryRequest& request, const ReadRequest& read,
                                     expr::ExpressionAttributes& attrs) {
  const KeySchema& key = read.read_key();
  const auto& expression = request.key_condition_expression;
  EDDY_TRY(
      expr::KeyCondition condition,
      expression
          ? expr::parse_key_condition(*expression, attrs, names_of(key.partition_key), names_of(key.sort_key))
          : expr::legacy_key_condition(*request.key_conditions, names_of(key.partition_key), names_of(key.sort_key)));
  std::map<std::string, AttributeType> types;
  for (const auto* elements : {&key.partition_key, &key.sort_key}) {
    for (const auto& element : *elements) types[element.name] = element.type;
  }
  EDDY_TRY_VOID(expr::check_key_condition_types(condition, types));
  return condition;
}

// A Query of a table without a sort key reads one item at most: it is never paged (no
// LastEvaluatedKey, whatever the Limit) and cannot be restarted. A GSI without a sort key holds
// many items per partition and pages as any index does.
bool reads_one_item(const ReadRequest& read) { return read.index == nullptr && !read.table->key.has_sort_key(); }

// DynamoDB's checks of a start key against the key condition; then the page starts after it.
Result<void> start_after(const ReadRequest& read, const expr::KeyCondition& condition, engine::ItemRange& range,
                         const Item& start) {
  EDDY_TRY_VOID(check_start_key_shape(read, start, errors::invalid_start_key(), start_key_schema_mismatch()));
  bool same_partition = range.holds_partition_of(start);
  if (reads_one_item(read) && same_partition) {
    return validation_error("The query can return at most one row and cannot be restarted");
  }
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

Result<std::string> query(RequestContext& context, const p::QueryRequest& request) {
  const p::ReadMembers& members = request.read;
  EDDY_TRY(ReadRequest read, start_read(context, members));
  expr::ExpressionAttributes attrs =
      expression_attributes(members.expression_attribute_names, members.expression_attribute_values);
  EDDY_TRY(expr::KeyCondition condition, parse_key(request, read, attrs));
  EDDY_TRY_VOID(
      parse_filter_and_projection(members, request.query_filter, read, attrs, read.read_key().attribute_names()));
  EDDY_TRY_VOID(attrs.check_all_used());
  EDDY_TRY_VOID(resolve_select(members, read));

  if (reads_one_item(read)) read.limit.reset();
  engine::ItemRange range = query_range(read, condition);
  if (members.exclusive_start_key) {
    EDDY_TRY_VOID(start_after(read, condition, range, *members.exclusive_start_key));
  }
  return read_page(context, read, range, request.scan_index_forward);
}

}  // namespace eddy::ops
