// DeleteItem's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "model/legacy_parameters.h"
#include "protocol/json.h"
#include "protocol/requests/expression_members.h"
#include "protocol/requests/return_options.h"

namespace eddy::protocol {

struct DeleteItemRequest {
  std::string table_name;
  Item key;
  ReturnValue return_values = ReturnValue::kNone;  // NONE or ALL_OLD
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  ReturnItemCollectionMetrics return_item_collection_metrics = ReturnItemCollectionMetrics::kNone;
  ReturnValuesOnConditionCheckFailure return_values_on_condition_check_failure =
      ReturnValuesOnConditionCheckFailure::kNone;
  std::optional<std::string> condition_expression;
  std::optional<AttributeNames> expression_attribute_names;
  std::optional<AttributeMap> expression_attribute_values;
  std::optional<std::vector<LegacyCondition>> expected;
  std::optional<std::string> conditional_operator;
};

// Reads and checks a DeleteItem request in DynamoDB's order (protocol/shape.h); what needs the table
// (the key against the key schema) is checked by ops/delete_item.cc.
Result<DeleteItemRequest> read_delete_item(const JsonValue& json);

}  // namespace eddy::protocol
