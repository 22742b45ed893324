// BatchGetItem's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "protocol/json.h"
#include "protocol/requests/expression_members.h"
#include "protocol/requests/return_options.h"
#include "protocol/shape.h"

namespace eddy::protocol {

inline constexpr std::size_t kMaxBatchGetKeys = 100;

// One table's entry of RequestItems.
struct KeysAndAttributes {
  std::vector<Item> keys;
  std::optional<bool> consistent_read;
  std::optional<std::string> projection_expression;
  std::optional<std::vector<std::string>> attributes_to_get;
  std::optional<AttributeNames> expression_attribute_names;
};

struct BatchGetItemRequest {
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  NamedEntries<KeysAndAttributes> request_items;  // by table name, in the order sent
};

Result<BatchGetItemRequest> read_batch_get_item(const JsonValue& json);

}  // namespace eddy::protocol
