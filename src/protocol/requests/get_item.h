// GetItem's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "protocol/json.h"
#include "protocol/requests/expression_members.h"
#include "protocol/requests/return_options.h"

namespace eddy::protocol {

struct GetItemRequest {
  std::string table_name;
  Item key;
  bool consistent_read = false;
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  std::optional<std::string> projection_expression;
  std::optional<std::vector<std::string>> attributes_to_get;
  std::optional<AttributeNames> expression_attribute_names;
};

Result<GetItemRequest> read_get_item(const JsonValue& json);

}  // namespace eddy::protocol
