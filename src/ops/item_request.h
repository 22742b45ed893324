// Members shared by the single-item operations (PutItem, GetItem, DeleteItem, UpdateItem): table
// name, ReturnValues, ReturnConsumedCapacity, ReturnItemCollectionMetrics,
// ReturnValuesOnConditionCheckFailure, read and checked in DynamoDB's order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "ops/consumed_capacity.h"
#include "protocol/json.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

struct CommonItemRequest {
  std::string table_name;
  std::string return_values = "NONE";
  CapacityMode capacity = CapacityMode::kNone;
  bool item_collection_metrics = false;
  bool return_old_on_condition_failure = false;
};

// Reads the shared members; constraint violations are added to `violations` (checked by the caller
// after its own members, so that all are reported together as DynamoDB does).
Result<CommonItemRequest> read_common_item_request(const JsonValue& request, ConstraintViolations& violations);

// Checks ReturnValues against those the operation allows, with DynamoDB's message
// (e.g. "ReturnValues can only be ALL_OLD or NONE").
Result<void> check_return_values(const std::string& value, const std::vector<std::string>& allowed,
                                 const char* message);

// The JSON body of a write response: Attributes (when given), ConsumedCapacity, ItemCollectionMetrics.
std::string item_write_response(const std::optional<Item>& attributes, CapacityMode mode,
                                const ConsumedCapacity& capacity);

}  // namespace eddy::ops
