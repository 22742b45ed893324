// UpdateItem's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
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

struct UpdateItemRequest {
  std::string table_name;
  Item key;
  ReturnValue return_values = ReturnValue::kNone;
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  ReturnItemCollectionMetrics return_item_collection_metrics = ReturnItemCollectionMetrics::kNone;
  ReturnValuesOnConditionCheckFailure return_values_on_condition_check_failure =
      ReturnValuesOnConditionCheckFailure::kNone;
  std::optional<AttributeNames> expression_attribute_names;
  std::optional<AttributeMap> expression_attribute_values;
  std::optional<std::string> update_expression;  // none: the item is still created
  std::optional<std::vector<LegacyAttributeUpdate>> attribute_updates;
  std::optional<std::string> condition_expression;
  std::optional<std::vector<LegacyCondition>> expected;
  std::optional<std::string> conditional_operator;
};

// Reads and checks an UpdateItem request in DynamoDB's order (protocol/shape.h): constraints, the
// legacy/expression mix, ExpressionAttributeNames/Values, then the legacy members' names. The
// expressions themselves are parsed by ops/update_item.cc, which also checks what needs the table.
Result<UpdateItemRequest> read_update_item(const JsonValue& json);

}  // namespace eddy::protocol
