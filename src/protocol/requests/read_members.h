// The members Query and Scan share — table and index, Select, AttributesToGet, Limit,
// ConsistentRead, ReturnConsumedCapacity, ConditionalOperator, the expression placeholders,
// FilterExpression, ProjectionExpression and ExclusiveStartKey — declared once, with the checks
// DynamoDB makes on them before the table is looked up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "protocol/json.h"
#include "protocol/requests/expression_members.h"
#include "protocol/requests/return_options.h"
#include "protocol/shape.h"

namespace eddy::protocol {

struct ReadMembers {
  std::string table_name;
  std::optional<std::string> index_name;
  std::optional<std::string> select;  // ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT
  std::optional<std::vector<std::string>> attributes_to_get;
  std::optional<int64_t> limit;
  bool consistent_read = false;
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  std::optional<std::string> conditional_operator;  // AND or OR, for QueryFilter / ScanFilter
  std::optional<AttributeNames> expression_attribute_names;
  std::optional<AttributeMap> expression_attribute_values;
  std::optional<std::string> filter_expression;
  std::optional<std::string> projection_expression;
  std::optional<AttributeMap> exclusive_start_key;
};

// The members, in DynamoDB's order.
const Members<ReadMembers>& read_members();

// The checks that run before the table is looked up: the expression/non-expression mix, Select
// against the projection, ExpressionAttributeNames/Values without expressions. `scan` selects
// Scan's message for values without an expression.
Result<void> check_read_members(const ReadMembers& read, const JsonValue& json, bool scan);

}  // namespace eddy::protocol
